using Agents.Cli;

return await AgentsCommand.RunAsync(args);
