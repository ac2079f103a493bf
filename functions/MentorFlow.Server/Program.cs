using MentorFlow.Server;

return await MainCommand.RunAsync(args);
