using MentorFlow.Core.Messaging;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Records;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pairings;

/// <summary>One request to start a pairing, with the Idempotency-Key it came with (if any).</summary>
/// <param name="Request">What HR sent.</param>
/// <param name="IdempotencyKey">The request's Idempotency-Key header, or null.</param>
public sealed record StartPairing(PairingRequest Request, string? IdempotencyKey = null);

/// <summary>What starting a batch of pairings did: each pairing, and whether it was new.</summary>
/// <param name="Pairings">The pairings in request order, with whether this call created them.</param>
public sealed record StartedPairings(IReadOnlyList<(PairingRecord Record, bool Created)> Pairings);

/// <summary>
/// HR intake: checks every request against the program rules first, and only when all pass, saves the educators and
/// pairings in one transaction and starts each new pairing's PairingYear orchestration. A request seen before
/// (same people, district and year, or the same Idempotency-Key) returns the pairing it created.
/// </summary>
public sealed class PairingIntake(IPairingRecords records, DistrictDirectory districts, DurableTaskClient engine, TimeProvider timeProvider)
{
    /// <summary>Checks the requests against the program rules without saving or starting anything.</summary>
    public async Task<IReadOnlyList<(int Index, FieldError Error)>> CheckAsync(IReadOnlyList<StartPairing> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var errors = new List<(int, FieldError)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (_, problems) = await CheckAsync(requests[i], now, cancellationToken);
            errors.AddRange(problems.Select(p => (i, p)));
        }

        return errors;
    }

    /// <summary>
    /// Starts the pairings; when any request breaks a rule, returns every violation (index of the request, field, message)
    /// and changes nothing.
    /// </summary>
    public async Task<(StartedPairings? Started, IReadOnlyList<(int Index, FieldError Error)> Errors)> StartAsync(
        IReadOnlyList<StartPairing> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var errors = new List<(int, FieldError)>();
        var accepted = new List<PairingRecord>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var (record, problems) = await CheckAsync(requests[i], now, cancellationToken);
            errors.AddRange(problems.Select(p => (i, p)));
            if (record is not null)
            {
                accepted.Add(record);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var saved = await records.AddAsync(accepted, cancellationToken);
        await EnsureYearsStartedAsync([.. saved.Select(s => s.Record)], cancellationToken);

        return (new StartedPairings(saved), []);
    }

    private async Task<(PairingRecord? Record, List<FieldError> Errors)> CheckAsync(StartPairing start, DateTime now, CancellationToken cancellationToken)
    {
        var request = start.Request;
        var errors = new List<FieldError>();
        if (districts.Find(request.DistrictId) is not { } settings)
        {
            var known = string.Join(", ", districts.All.Select(d => d.Id));
            errors.Add(new FieldError("districtId", $"district '{request.DistrictId}' is not served here; use one of: {known}."));
            return (null, errors);
        }

        var mentor = request.Mentor.ToEducator();
        var mentee = request.Mentee.ToEducator();
        var pairing = new Pairing(
            PairingIds.For(request.DistrictId, request.ProgramYear, mentee.EmployeeId, mentor.EmployeeId),
            request.DistrictId, request.School.Trim(), request.ProgramYear.Trim(), mentor.EmployeeId, mentee.EmployeeId,
            request.InductionYear, request.Term, request.StartsOn,
            string.IsNullOrWhiteSpace(request.EligibilityOverride) ? null : request.EligibilityOverride.Trim());
        errors.AddRange(Pairing.Validate(pairing, mentor, mentee, settings).Select(v => new FieldError(v.Field, v.Message)));
        if (start.IdempotencyKey is { } key && await records.FindByIdempotencyKeyAsync(key, cancellationToken) is { } earlier
            && earlier.Pairing.PairingId != pairing.PairingId)
        {
            errors.Add(new FieldError("Idempotency-Key",
                $"this key already created pairing {earlier.Pairing.PairingId} for other people; send a new key for a new pairing."));
        }

        return (errors.Count == 0 ? new PairingRecord(pairing, mentor, mentee, start.IdempotencyKey, now) : null, errors);
    }

    /// <summary>
    /// Starts the year of every pairing in <paramref name="records"/> that has none yet, with the input intake gives it; returns
    /// how many it started. Also for pairings that existed: a crash between saving them and starting their years must not
    /// leave any without one. Starting an id that is already running leaves that year as it is.
    /// </summary>
    public async Task<int> EnsureYearsStartedAsync(IReadOnlyList<PairingRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var started = 0;
        foreach (var record in records)
        {
            if (await engine.GetInstanceAsync(record.Pairing.PairingId, cancellationToken) is null)
            {
                var (input, options) = YearStart(record, timeProvider.GetUtcNow().UtcDateTime);
                await engine.ScheduleNewOrchestrationInstanceAsync(PairingYearOrchestrator.Name, input, options, cancellationToken);
                started++;
            }
        }

        return started;
    }

    private (PairingYearInput Input, StartOrchestrationOptions Options) YearStart(PairingRecord record, DateTime now)
    {
        var pairing = record.Pairing;
        var settings = districts.Find(pairing.DistrictId)!;
        var subject = new PairingYearSubject(pairing.PairingId, pairing.Term, pairing.StartsOn,
            new Recipient(RecipientRole.Mentor, record.Mentor.Name, record.Mentor.Email),
            new Recipient(RecipientRole.Mentee, record.Mentee.Name, record.Mentee.Email),
            pairing.School, districts.Options(pairing.DistrictId)?.Name);
        // A pairing hired for a later day starts that day, at the hour the year's steps run.
        DateTimeOffset? startsAt = pairing.StartsOn > DateOnly.FromDateTime(now) ? new DateTimeOffset(pairing.StartsOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) : null;
        return (new PairingYearInput(subject, settings), new StartOrchestrationOptions(pairing.PairingId, startsAt));
    }
}
