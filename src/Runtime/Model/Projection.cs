namespace Agents.Runtime.Model;

/// <summary>The seven weight matrices of a transformer block that an adapter can change.</summary>
public enum Projection
{
    /// <summary>self_attn.q_proj: width to heads x head size.</summary>
    Query,

    /// <summary>self_attn.k_proj: width to key-value heads x head size.</summary>
    Key,

    /// <summary>self_attn.v_proj: width to key-value heads x head size.</summary>
    Value,

    /// <summary>self_attn.o_proj: heads x head size to width.</summary>
    Output,

    /// <summary>mlp.gate_proj: width to hidden size.</summary>
    Gate,

    /// <summary>mlp.up_proj: width to hidden size.</summary>
    Up,

    /// <summary>mlp.down_proj: hidden size to width.</summary>
    Down,
}
