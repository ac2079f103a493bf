// Drains one engine database as an independent worker process, recording each activity run in its own file.
// usage: MentorFlow.Durable.WorkerProcess DATABASE RUN-LOG
using DurableTask.Core;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.DurableTask;

if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: MentorFlow.Durable.WorkerProcess DATABASE RUN-LOG");
    return 2;
}

var runs = new List<string>();
void Tasks(DurableTaskRegistry registry) => registry
    .AddActivityFunc<string, string>("Record", (context, input) =>
    {
        runs.Add(context.InstanceId);
        return Task.FromResult(input);
    })
    .AddOrchestratorFunc<string, string>("RecordTwice", async (context, input) =>
        await context.CallActivityAsync<string>("Record", input) + await context.CallActivityAsync<string>("Record", input));
var store = new SqliteOrchestrationStore(args[0]);
var worker = OrchestrationWorkerBuilder.Create(store, TimeProvider.System, Tasks,
    new OrchestrationWorkerOptions(WorkerId: $"process-{Environment.ProcessId}", MaxBatchSize: 5));
var unfinished = new InstanceQuery(Statuses: [OrchestrationStatus.Pending, OrchestrationStatus.Running], PageSize: 1);

// Work until every instance has finished: the other process may still hold some.
while (await worker.ProcessDueAsync(20) > 0 || (await store.QueryInstancesAsync(unfinished, default)).Instances.Count > 0)
{
    await Task.Delay(5); // nothing due here yet: the other process holds it or its result is on the way
}

await File.WriteAllLinesAsync(args[1], runs);
Console.WriteLine($"process {Environment.ProcessId} ran {runs.Count} activities");
return 0;
