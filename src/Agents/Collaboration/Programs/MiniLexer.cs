using System.Text;

namespace Agents.Collaboration.Programs;

/// <summary>Splits Mini source into tokens; "#" starts a comment to the end of the line.</summary>
internal static class MiniLexer
{
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "fn", "let", "if", "then", "else", "true", "false", "and", "or", "not",
    };

    private static readonly string[] TwoCharSymbols = ["==", "!=", "<=", ">=", "//", "&&", "||"];
    private const string OneCharSymbols = "()[]{},;:=<>+-*/%!";

    public static List<MiniToken> Tokenize(string source, string file)
    {
        var tokens = new List<MiniToken>();
        int i = 0, line = 1, column = 1;
        var newline = true;
        while (true)
        {
            // Skip spaces, newlines and comments, tracking the place.
            while (i < source.Length)
            {
                var c = source[i];
                if (c == '\n')
                {
                    i++;
                    line++;
                    column = 1;
                    newline = true;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                    column++;
                }
                else if (c == '#')
                {
                    while (i < source.Length && source[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    break;
                }
            }

            if (i >= source.Length)
            {
                tokens.Add(new MiniToken(MiniTokenKind.End, string.Empty, line, column, newline));
                return tokens;
            }

            int startLine = line, startColumn = column, start = i;
            var ch = source[i];
            MiniToken token;
            if (char.IsAsciiDigit(ch))
            {
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }

                var isDecimal = i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]);
                if (isDecimal)
                {
                    i++;
                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                    {
                        i++;
                    }
                }

                if (i < source.Length && (char.IsAsciiLetter(source[i]) || source[i] == '_'))
                {
                    throw new MiniSyntaxException(file, startLine, startColumn, $"a number runs into the letter '{source[i]}'; separate them with a space or an operator.");
                }

                token = new MiniToken(isDecimal ? MiniTokenKind.Decimal : MiniTokenKind.Integer, source[start..i], startLine, startColumn, newline);
            }
            else if (char.IsAsciiLetter(ch) || ch == '_')
            {
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                var word = source[start..i];
                token = new MiniToken(Keywords.Contains(word) ? MiniTokenKind.Keyword : MiniTokenKind.Name, word, startLine, startColumn, newline);
            }
            else if (ch == '"')
            {
                token = new MiniToken(MiniTokenKind.Text, ReadString(source, ref i, file, startLine, startColumn), startLine, startColumn, newline);
            }
            else
            {
                var symbol = TwoCharSymbols.FirstOrDefault(s => string.CompareOrdinal(source, i, s, 0, 2) == 0)
                    ?? (OneCharSymbols.Contains(ch, StringComparison.Ordinal) ? ch.ToString() : null)
                    ?? throw new MiniSyntaxException(file, startLine, startColumn, $"unexpected character '{ch}'.");
                i += symbol.Length;
                token = new MiniToken(MiniTokenKind.Symbol, symbol, startLine, startColumn, newline);
            }

            column += i - start;
            newline = false;
            tokens.Add(token);
        }
    }

    private static string ReadString(string source, ref int i, string file, int line, int column)
    {
        var text = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= source.Length || source[i] == '\n')
            {
                throw new MiniSyntaxException(file, line, column, "a string is not closed with '\"' on its line.");
            }

            var c = source[i++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (i >= source.Length)
            {
                throw new MiniSyntaxException(file, line, column, "a string ends in the middle of an escape.");
            }

            var escaped = source[i++];
            text.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                '"' => '"',
                '\\' => '\\',
                _ => throw new MiniSyntaxException(file, line, column, $"unknown escape '\\{escaped}' in a string; use \\n, \\t, \\\" or \\\\."),
            });
        }
    }
}
