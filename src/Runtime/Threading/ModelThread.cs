using System.Threading.Channels;
using Agents.Runtime.Native;
using TorchSharp;

namespace Agents.Runtime.Threading;

/// <summary>
/// The one thread that does all tensor work. TorchSharp's dispose scopes are thread-static and do not follow
/// <c>await</c>, so callers post work items here and await their results; each item runs inside its own dispose
/// scope, so every tensor it creates is freed when it ends unless the item moves it out of the scope. Thread-safe.
/// </summary>
public sealed class ModelThread : IDisposable
{
    private readonly Channel<Action> work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread thread;
    private bool disposed;

    /// <summary>Starts the thread; loads torch first and sets its intra-op thread count when <paramref name="threads"/> is positive.</summary>
    /// <exception cref="TorchUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public ModelThread(int threads = 0, string name = "model")
    {
        TorchNative.EnsureLoaded();
        thread = new Thread(Loop) { IsBackground = true, Name = name };
        thread.Start();
        if (threads > 0)
        {
            RunAsync(() => torch.set_num_threads(threads)).GetAwaiter().GetResult();
        }
    }

    /// <summary>True when the calling code runs on this model thread.</summary>
    public bool IsCurrentThread => Environment.CurrentManagedThreadId == thread.ManagedThreadId;

    /// <summary>Runs <paramref name="step"/> on the model thread inside a fresh dispose scope and returns its result.</summary>
    /// <remarks>Tensors returned from the step are disposed with the scope; return managed values, or detach tensors with <c>MoveToOuterDisposeScope</c>.</remarks>
    public Task<T> RunAsync<T>(Func<T> step, CancellationToken cancellationToken = default) => RunAsync(step, cancellationToken, scoped: true);

    private Task<T> RunAsync<T>(Func<T> step, CancellationToken cancellationToken, bool scoped)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (cancellationToken.IsCancellationRequested)
        {
            result.SetCanceled(cancellationToken);
            return result.Task;
        }

        if (IsCurrentThread)
        {
            Execute(step, result, scoped, cancellationToken);
            return result.Task;
        }

        if (!work.Writer.TryWrite(() => Execute(step, result, scoped, cancellationToken)))
        {
            throw new ObjectDisposedException(nameof(ModelThread));
        }

        return result.Task;
    }

    /// <summary>
    /// Runs <paramref name="create"/> on the model thread without a dispose scope, for long-lived objects (a model,
    /// optimiser state) whose tensors must outlive the call; scope any temporaries inside it yourself.
    /// </summary>
    public Task<T> CreateAsync<T>(Func<T> create, CancellationToken cancellationToken = default) =>
        RunAsync(create, cancellationToken, scoped: false);

    /// <summary>Runs <paramref name="step"/> on the model thread inside a fresh dispose scope.</summary>
    public Task RunAsync(Action step, CancellationToken cancellationToken = default) =>
        RunAsync(() =>
        {
            step();
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="step"/> on the model thread and blocks until it ends (for synchronous callers).</summary>
    public T Run<T>(Func<T> step) => RunAsync(step).GetAwaiter().GetResult();

    /// <summary>Live native tensors counted on the model thread (TorchSharp's per-thread statistics).</summary>
    public long LiveTensorCount() => RunAsync(() => DisposeScopeManager.Statistics.ThreadTotalLiveCount).GetAwaiter().GetResult();

    /// <summary>Stops accepting work, finishes what is queued, and ends the thread.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        work.Writer.TryComplete();
        if (!IsCurrentThread)
        {
            thread.Join();
        }
    }

    private static void Execute<T>(Func<T> step, TaskCompletionSource<T> result, bool scoped, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            result.TrySetCanceled(cancellationToken);
            return;
        }

        try
        {
            using var scope = scoped ? torch.NewDisposeScope() : null;
            result.TrySetResult(step());
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken == cancellationToken)
        {
            result.TrySetCanceled(cancellationToken);
        }
        catch (Exception ex)
        {
            result.TrySetException(ex);
        }
    }

    private void Loop()
    {
        var reader = work.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                item();
            }
        }
    }
}
