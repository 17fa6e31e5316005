using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Agents.Tools;

/// <summary>A Semantic Kernel plugin for exact decimal arithmetic. Stateless and thread-safe.</summary>
public sealed class CalculatorPlugin
{
    /// <summary>The value of an arithmetic expression, or an error message that says what is wrong.</summary>
    [KernelFunction("Calculate")]
    [Description("Evaluates an arithmetic expression exactly, e.g. 12*(3+4)-5/2.")]
    public string Calculate([Description("The expression, with + - * / and parentheses.")] string expression)
    {
        try
        {
            return DecimalExpression.Format(DecimalExpression.Evaluate(expression));
        }
        catch (FormatException e)
        {
            return $"Error: {e.Message}";
        }
        catch (DivideByZeroException)
        {
            return "Error: division by zero";
        }
        catch (OverflowException)
        {
            return "Error: the value is out of range";
        }
    }
}
