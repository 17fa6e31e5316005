using System.CommandLine;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Devices;
using Agents.Runtime.Model;
using Agents.Runtime.Training;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents train</c>: pretrain on text or fine-tune on chat JSONL, from files to a model folder.</summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Training data: a text file or a folder of .txt/.md files (pretraining), or a chat JSONL file with one {\"messages\": [{\"role\", \"content\"}, ...]} per line (with --sft). Required, except with --recipe." };
        var output = new Option<string>("--out") { Description = "Model folder to write: config.json, model.safetensors, tokenizer.json, training.jsonl, loss.png, and a resumable checkpoint.", Required = true };
        var sft = new Option<bool>("--sft") { Description = "Supervised fine-tuning on chat JSONL: the loss counts only the tokens the assistant writes." };
        var config = new Option<string?>("--config") { Description = "JSON file with a \"model\" section (layers, heads, key_value_heads, width, hidden_size, context_length, rope_theta, ...) and a \"training\" section (the options below in snake_case). Flags given on the command line win." };
        var init = new Option<string?>("--init") { Description = "Start from this model folder (its shape and tokenizer), e.g. a pretrained model to fine-tune with --sft." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run checkpointed in --out with the same options (a run made with other ones, DPO and distillation options included, is refused naming the option); it follows the loss curve of an uninterrupted run." };
        var steps = new Option<int?>("--steps") { Description = "Optimiser steps in the whole run (default 1000)." };
        var batch = new Option<int?>("--batch") { Description = "Sequences per micro-batch (default 16)." };
        var block = new Option<int?>("--block") { Description = "Tokens per sequence (default: the model's context length, 256 for a new model)." };
        var accumulate = new Option<int?>("--accumulate") { Description = "Micro-batches per optimiser step: gradient accumulation (default 1)." };
        var learningRate = new Option<double?>("--lr") { Description = "Peak learning rate after warm-up (default 1e-3)." };
        var minLearningRate = new Option<double?>("--min-lr") { Description = "Learning rate at the end of the cosine decay (default 1e-4)." };
        var warmup = new Option<int?>("--warmup") { Description = "Steps of linear warm-up (default 100, but at most a tenth of --steps)." };
        var weightDecay = new Option<double?>("--weight-decay") { Description = "AdamW weight decay of the matrices; norms and embeddings get none (default 0.1)." };
        var clip = new Option<double?>("--clip") { Description = "Clip the global gradient norm to this; 0 turns clipping off (default 1.0)." };
        var evalEvery = new Option<int?>("--eval-every") { Description = "Evaluate on the held-out split every N steps and at the end; 0 only at the end (default 100)." };
        var checkpointEvery = new Option<int?>("--checkpoint-every") { Description = "Write a resumable checkpoint every N steps; it is always written at the end, and when the run is stopped by Ctrl+C, SIGTERM or SIGHUP (default 0)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of initialisation and batch sampling: the same seed gives the same run (default 1337)." };
        var vocabulary = new Option<int>("--vocab") { Description = "Vocabulary size of the byte-level BPE tokenizer trained on the data (not used with --init or --resume).", DefaultValueFactory = _ => 4096 };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var dtype = new Option<string>("--dtype") { Description = "fp32, or bf16: matrix products in bfloat16 and weights saved as BF16 (master weights and optimiser stay fp32).", DefaultValueFactory = _ => "fp32" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for tensor work; 0 keeps torch's default (all cores).", DefaultValueFactory = _ => 0 };
        var singleDigits = new Option<bool>("--single-digits")
        {
            Description = "The tokenizer trained on the data spells numbers digit by digit (a Digits pre-tokenizer, as Llama's), instead of GPT-2's runs of digits merged into arbitrary tokens (not used with --init or --resume).",
        };
        var documentMasks = new Option<bool>("--document-masks")
        {
            Description = "Where a row packs several documents or conversations (split by the end-of-text token), let each token attend only to its own document, so a packed conversation trains as if it were alone.",
        };

        var command = new Command(
            "train",
            "Train the runtime's model: pretrain on text, or fine-tune on chat JSONL (--sft), into a model folder. Shows a progress bar with loss, tokens/s and time left. " +
            "Ctrl+C, SIGTERM (kill PID, e.g. for a run started with nohup ... &) or SIGHUP finish the current step, save a checkpoint and exit with \"stopped at step N; resume with --resume\".")
        {
            data, output, sft, config, init, resume, steps, batch, block, accumulate, learningRate, minLearningRate, warmup, weightDecay, clip, evalEvery,
            checkpointEvery, seed, vocabulary, device, dtype, threads, documentMasks, singleDigits,
        };

        // LoRA (issue 8): --lora trains a low-rank adapter for the frozen model of --base. Its options, their
        // registration and its runner form this one block; the action below only hands over to it.
        var lora = new Option<bool>("--lora") { Description = "Train a LoRA adapter for the frozen model of --base on chat JSONL (loss on the assistant's tokens, as --sft): --out gets adapter.safetensors and adapter_config.json." };
        var loraBase = new Option<string?>("--base") { Description = "With --lora: the model folder to adapt. It is only read; the adapter records a hash of its weights." };
        var loraRank = new Option<int>("--rank") { Description = "With --lora: rank of the adapter matrices.", DefaultValueFactory = _ => 8 };
        var loraAlpha = new Option<double>("--alpha") { Description = "With --lora: the adapter's change is scaled by alpha / rank.", DefaultValueFactory = _ => 16 };
        var loraTargets = new Option<string>("--targets") { Description = "With --lora: projections to adapt in every block, comma-separated among q, k, v, o, gate, up, down.", DefaultValueFactory = _ => "q,k,v,o,gate,up,down" };
        var loraMerge = new Option<bool>("--merge") { Description = "With --lora: also write the base with the adapter merged in, as a full model folder in --out." };
        var loraDropout = new Option<double?>("--lora-dropout")
        {
            HelpName = "P",
            Description = "With --lora: dropout on the adapter's input while training, as in PEFT: (alpha / rank) B A dropout(x), with 0 <= P < 1; never at evaluation or inference. " +
                "Saved in adapter_config.json as lora_dropout (default 0, none).",
        };
        foreach (var option in new Option[] { lora, loraBase, loraRank, loraAlpha, loraTargets, loraMerge, loraDropout })
        {
            command.Options.Add(option);
        }

        async Task<int> RunLoraAsync(ParseResult r, TrainingOptions options, TrainConfigFile file, CancellationToken ct)
        {
            var baseFolder = r.GetValue(loraBase) ?? throw new CliUsageException("--lora needs --base, the model folder to adapt.");
            if (r.GetValue(init) is not null || file.Model is not null)
            {
                throw new CliUsageException("--lora adapts the model of --base as it is: --init and a \"model\" section in --config do not apply.");
            }

            var job = new LoraJobOptions(
                r.GetValue(data) ?? throw new CliUsageException("--lora needs --data, the chat JSONL to train the adapter on."),
                baseFolder,
                r.GetValue(output)!,
                options,
                new LoraConfig(r.GetValue(loraRank), r.GetValue(loraAlpha), LoraConfig.ParseTargets(r.GetValue(loraTargets)!), Dropout: r.GetValue(loraDropout) ?? 0),
                Merge: r.GetValue(loraMerge),
                Resume: r.GetValue(resume),
                Device: r.GetValue(device)!,
                Threads: r.GetValue(threads),
                SaveType: options.Bf16 ? SafeTensorsType.BF16 : SafeTensorsType.F32);
            var console = Terminal.For(r);
            var result = await WithProgressAsync(console, options.Steps, (progress, status) => LoraTrainingJob.RunAsync(job, progress, status, ct));

            var history = result.Training.History;
            var baseLoss = result.BaseValidationLoss is { } b ? $"{b:0.000} (base) -> " : string.Empty;
            var merged = job.Merge ? " and the merged model" : string.Empty;
            await r.InvocationConfiguration.Output.WriteLineAsync(
                $"done: {history.Count} steps, loss {(history.Count > 0 ? history[^1].Loss : double.NaN):0.000}, held-out {baseLoss}{result.Training.FinalValidationLoss?.ToString("0.000") ?? "n/a"}; " +
                $"{result.TrainableParameters:N0} trainable parameters ({100.0 * result.TrainableParameters / result.BaseParameters:0.00}% of the {result.BaseParameters:N0} of the base, frozen). " +
                $"Adapter{merged}: {Path.GetFullPath(job.OutputDirectory)}");
            return 0;
        }

        // Preference optimisation (--dpo) and distillation from a teacher (--teacher), issue 8: their options, checks and
        // DPO runner form this one block; the action below only hands over to it.
        var dpo = new Option<string?>("--dpo")
        {
            HelpName = "PAIRS.jsonl",
            Description = "Preference optimisation (DPO) on a JSONL file of pairs, one per line: {\"prompt\": [{\"role\", \"content\"}, ...], \"chosen\": \"reply to prefer\", \"rejected\": \"reply to avoid\"} " +
                "(the prompt may also be given as \"messages\": [...], or as a string for one user message; it ends before the assistant's turn). Needs --init, the model to improve; " +
                "a frozen copy of it is the reference. Every line is checked before anything is written. --batch counts pairs; training.jsonl logs reward_margin and accuracy.",
        };
        var dpoFromChat = new Option<string?>("--dpo-from-chat")
        {
            HelpName = "CHAT.jsonl",
            Description = "DPO on a chat JSONL file instead: every assistant reply is a chosen reply, and a corrupted copy of it (truncated, words shuffled, wrong format, or another " +
                "conversation's reply; seeded by --seed) the rejected one. The pairs are written to --out as dpo_pairs.jsonl.",
        };
        var beta = new Option<double?>("--beta") { HelpName = "BETA", Description = "DPO's beta: how far the model may move from the reference; smaller moves further (default 0.1)." };
        var teacher = new Option<string?>("--teacher")
        {
            HelpName = "TEACHER_DIR",
            Description = "Distil this teacher model folder into the trained model with soft labels (loss w * T^2 * KL(teacher || student) + (1 - w) * cross-entropy, on the tokens " +
                "the loss counts). The student takes the teacher's tokenizer (its shape comes from --config); a student from --init or --resume must share it.",
        };
        var kdTemperature = new Option<double?>("--kd-temperature") { HelpName = "T", Description = "Softmax temperature T of the teacher's soft labels, with --teacher (default 2)." };
        var kdWeight = new Option<double?>("--kd-weight") { HelpName = "W", Description = "Share w of the soft labels in the loss, with --teacher; 1 - w goes to the hard labels (default 0.5)." };
        foreach (var option in new Option[] { dpo, dpoFromChat, beta, teacher, kdTemperature, kdWeight })
        {
            command.Options.Add(option);
        }

        DistillationOptions? Distillation(ParseResult r)
        {
            if (r.GetValue(teacher) is not { } folder)
            {
                return (r.GetValue(kdTemperature) ?? r.GetValue(kdWeight)) is null ? null : throw new CliUsageException("--kd-temperature and --kd-weight need --teacher TEACHER_DIR.");
            }

            return new DistillationOptions(folder, r.GetValue(kdTemperature) ?? 2, r.GetValue(kdWeight) ?? 0.5).Validate();
        }

        bool WantsPreference(ParseResult r) =>
            r.GetValue(dpo) is not null || r.GetValue(dpoFromChat) is not null
            || (r.GetValue(beta) is null ? false : throw new CliUsageException("--beta needs --dpo PAIRS.jsonl or --dpo-from-chat CHAT.jsonl."));

        async Task<int> RunPreferenceAsync(ParseResult r, TrainingOptions options, CancellationToken ct)
        {
            var (pairs, chat) = (r.GetValue(dpo), r.GetValue(dpoFromChat));
            var clash = pairs is not null && chat is not null ? "--dpo-from-chat" : r.GetValue(data) is not null ? "--data" : r.GetValue(sft) ? "--sft"
                : r.GetValue(teacher) is not null ? "--teacher" : r.GetValue(lora) ? "--lora" : null;
            if (clash is not null)
            {
                throw new CliUsageException($"--dpo and --dpo-from-chat take the pairs to train on; {clash} cannot be given with them.");
            }

            var job = new PreferenceJobOptions(
                (pairs ?? chat)!,
                r.GetValue(init) ?? throw new CliUsageException("--dpo needs --init MODEL_DIR: the model to improve, whose frozen copy is the reference."),
                r.GetValue(output)!,
                options,
                Beta: r.GetValue(beta) ?? 0.1,
                PairsFromChat: chat is not null,
                Resume: r.GetValue(resume),
                Device: r.GetValue(device)!,
                Threads: r.GetValue(threads),
                SaveType: options.Bf16 ? SafeTensorsType.BF16 : SafeTensorsType.F32);
            var console = Terminal.For(r);
            var result = await WithProgressAsync(
                console,
                options.Steps,
                (progress, status) => PreferenceJob.RunAsync(job, progress, status, ct),
                p =>
                {
                    var margin = p.Metrics is { } m && m.TryGetValue("reward_margin", out var reward) ? $" margin {reward:0.000} acc {m.GetValueOrDefault("accuracy"):P0}" : string.Empty;
                    return $"step {p.Step}/{p.TotalSteps} DPO loss {p.Loss:0.000}{margin} | {Format(p.Remaining)} left";
                });

            var (before, after, heldOut) = (result.Before, result.After, result.HeldOutAfter);
            var steps = result.Training.History.Count > 0 ? result.Training.History[^1].Step : 0;
            await r.InvocationConfiguration.Output.WriteLineAsync(
                $"done: {steps} DPO steps on {after.Pairs} pairs. Chosen minus rejected log-probability {before.LogProbabilityMargin:0.00} -> {after.LogProbabilityMargin:0.00} nats; " +
                $"preference accuracy {before.Accuracy:P0} -> {after.Accuracy:P0} (held out: {heldOut.Accuracy:P0} of {heldOut.Pairs}); reward margin {after.RewardMargin:0.000}. " +
                $"Model folder: {Path.GetFullPath(job.OutputDirectory)}");
            return 0;
        }

        // The bundled model's recipe (issue 8): distil, train, evaluate, in one command.
        var recipe = new Option<string?>("--recipe") { Description = "Train a named recipe end to end: 'default' distils the scripted teacher on Smallville (unless --data names a dataset), trains the bundled model's shape on it, and evaluates it on the held-out decisions (eval.md in --out). --steps, --device, --threads and --resume apply." };
        command.Options.Add(recipe);

        async Task<int> TrainAsync(ParseResult r, CancellationToken ct)
        {
            if (r.GetValue(recipe) is { } recipeName)
            {
                return await TrainRecipe.RunAsync(Terminal.For(r), recipeName, r.GetValue(output)!, r.GetValue(data), r.GetValue(steps), r.GetValue(device)!, r.GetValue(threads), r.GetValue(resume), ct);
            }

            if (r.GetValue(data) is null && !WantsPreference(r))
            {
                throw new CliUsageException("--data is required: the text or chat JSONL to train on (or use --recipe default, or --dpo PAIRS.jsonl).");
            }

            var file = r.GetValue(config) is { } path ? TrainConfigFile.Load(path) : new TrainConfigFile(null, null);
            var bf16 = DeviceSelector.IsBf16(r.GetValue(dtype)!);
            var baseline = file.Training ?? new TrainingOptions();
            var options = baseline with
            {
                Steps = r.GetValue(steps) ?? baseline.Steps,
                BatchSize = r.GetValue(batch) ?? baseline.BatchSize,
                SequenceLength = r.GetValue(block) ?? baseline.SequenceLength,
                AccumulationSteps = r.GetValue(accumulate) ?? baseline.AccumulationSteps,
                LearningRate = r.GetValue(learningRate) ?? baseline.LearningRate,
                MinLearningRate = r.GetValue(minLearningRate) ?? Math.Min(baseline.MinLearningRate, r.GetValue(learningRate) ?? baseline.LearningRate),
                WarmupSteps = r.GetValue(warmup) ?? Math.Min(baseline.WarmupSteps, (r.GetValue(steps) ?? baseline.Steps) / 10),
                WeightDecay = r.GetValue(weightDecay) ?? baseline.WeightDecay,
                GradientClip = r.GetValue(clip) ?? baseline.GradientClip,
                EvalEvery = r.GetValue(evalEvery) ?? baseline.EvalEvery,
                CheckpointEvery = r.GetValue(checkpointEvery) ?? baseline.CheckpointEvery,
                Seed = r.GetValue(seed) ?? baseline.Seed,
                Bf16 = bf16 || baseline.Bf16,
                DocumentMasks = r.GetValue(documentMasks) || baseline.DocumentMasks,
            };
            if (WantsPreference(r))
            {
                return await RunPreferenceAsync(r, options, ct);
            }

            if (r.GetValue(lora))
            {
                return await RunLoraAsync(r, options, file, ct);
            }

            if (r.GetValue(loraBase) is not null || r.GetValue(loraMerge) || r.GetValue(loraDropout) is not null)
            {
                throw new CliUsageException("--base, --merge and --lora-dropout apply only with --lora.");
            }

            var job = new TrainingJobOptions(
                r.GetValue(data)!,
                r.GetValue(output)!,
                options,
                Sft: r.GetValue(sft),
                Model: file.Model,
                VocabularySize: r.GetValue(vocabulary),
                InitFrom: r.GetValue(init),
                Resume: r.GetValue(resume),
                Device: r.GetValue(device)!,
                Threads: r.GetValue(threads),
                SaveType: options.Bf16 ? SafeTensorsType.BF16 : SafeTensorsType.F32,
                Distillation: Distillation(r),
                SingleDigits: r.GetValue(singleDigits));

            var console = Terminal.For(r);
            var result = await TrainWithProgressAsync(console, job, ct);
            if (result is not null)
            {
                var last = result.History[^1];
                console.MarkupLine(
                    $"[green]done[/]: {last.Step} steps, loss {last.Loss:0.000}, held-out {result.FinalValidationLoss?.ToString("0.000") ?? "n/a"}, " +
                    $"{last.TokensPerSecond:N0} tok/s, {Format(result.Elapsed)}. Model folder: {Markup.Escape(Path.GetFullPath(job.OutputDirectory))}");
            }

            return 0;
        }

        command.SetAction(async (ParseResult r, CancellationToken interrupt) =>
        {
            // Ctrl+C cancels `interrupt`; SIGTERM and SIGHUP cancel the same way here. The trainer then finishes its
            // step, writes the checkpoint --resume reads, and throws.
            using var stop = new StopSignals(interrupt);
            try
            {
                return await TrainAsync(r, stop.Token);
            }
            catch (OperationCanceledException ex) when (stop.Token.IsCancellationRequested)
            {
                var step = (ex as TrainingStoppedException)?.Step ?? Trainer.CheckpointStep(r.GetValue(output)!);
                await r.InvocationConfiguration.Error.WriteLineAsync(step is { } n
                    ? $"{stop.Cause}: stopped at step {n}; resume with --resume and the same options (checkpoint in {Path.GetFullPath(r.GetValue(output)!)})."
                    : $"{stop.Cause}: stopped before the first step; there is no checkpoint to resume.");
                return stop.ExitCode;
            }
        });
        return command;
    }

    /// <summary>Runs a training job under a progress bar (loss, tokens/s, time left); null when the run had no steps left.</summary>
    internal static async Task<TrainingResult?> TrainWithProgressAsync(IAnsiConsole console, TrainingJobOptions job, CancellationToken ct)
    {
        var result = await WithProgressAsync(console, job.Training.Steps, (progress, status) => TrainingJob.RunAsync(job, progress, status, ct));
        if (result.History.Count == 0)
        {
            console.MarkupLine("[yellow]nothing to do[/]: the run in the folder has no steps left.");
            return null;
        }

        return result;
    }

    /// <summary>
    /// Runs any of the training jobs (full, LoRA, DPO) under one progress bar: each step sets the bar and a line that
    /// <paramref name="describe"/> writes (by default loss, held-out loss, tokens/s and time left); phases show as text.
    /// </summary>
    private static async Task<T> WithProgressAsync<T>(
        IAnsiConsole console, int steps, Func<Action<TrainingProgress>, Action<string>, Task<T>> run, Func<TrainingProgress, string>? describe = null)
    {
        describe ??= p =>
        {
            var validation = p.ValidationLoss is { } v ? $" val {v:0.000}" : string.Empty;
            return $"step {p.Step}/{p.TotalSteps} loss {p.Loss:0.000}{validation} | {p.TokensPerSecond:N0} tok/s | {Format(p.Remaining)} left";
        };
        T? result = default;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: steps);
                result = await run(
                    p =>
                    {
                        task.Value = p.Step;
                        task.Description = Markup.Escape(describe(p));
                    },
                    status => task.Description = Markup.Escape(status));
            });
        return result!;
    }

    private static string Format(TimeSpan time) => time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss") : time.ToString(@"m\:ss");
}
