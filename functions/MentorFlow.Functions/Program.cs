using MentorFlow.Functions.Hosting;

return await MainCommand.RunAsync(args);
