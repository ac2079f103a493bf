using MentorFlow.Core.Logs;

namespace MentorFlow.Functions.Simulation;

/// <summary>A simulated meeting log as the pair's own store keeps it: with its private notes and the mentee's confirmation.</summary>
/// <param name="PairingId">The pairing that logged it.</param>
/// <param name="Log">The log as the mentor wrote it (notes included), confirmed or disputed since.</param>
public sealed record KeptLog(string PairingId, CollaborationLog Log);
