using System.Globalization;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Redex;

/// <summary>
/// What the registry received, per RemoteInvId and day, with every version. A day sent again is a correction: it is
/// stored as the next version and the previous one is kept. The day's value is its latest version that did not fail.
/// </summary>
public sealed class RedexLedger(SimulationClock clock, SandboxOptions options)
{
    private static readonly TimeSpan ProcessingMin = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ProcessingMax = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly Dictionary<string, RedexSubmission> _submissions = new(StringComparer.Ordinal);
    private readonly List<RedexSubmission> _inOrder = [];
    private readonly Dictionary<string, SortedDictionary<DateOnly, List<RedexStoredVersion>>> _days = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks that the accumulated value never decreases, across this request and what was accepted before, and
    /// stores the submission if it does not. Returns the submission, or the errors per record.
    /// </summary>
    public (RedexSubmission? Submission, IReadOnlyList<(int Index, string Message)> Errors) TryAccept(
        RedexInverter inverter, string clientId, string path, string accumulatedField, IReadOnlyList<RedexDailyValue> values)
    {
        lock (_gate)
        {
            var days = _days.TryGetValue(inverter.RemoteInvId, out var d) ? d : [];
            var errors = Decreases(days, values);
            if (errors.Count > 0) return (null, errors);

            var now = clock.UtcNow;
            var sequence = _inOrder.Count;
            var processing = ProcessingMin + (ProcessingMax - ProcessingMin) * DetRandom.Unit(options.Seed, 0x7ED3, sequence);
            var submission = new RedexSubmission(Guid.NewGuid().ToString(), clientId, inverter.RemoteInvId, path, accumulatedField,
                now, now + RedexSubmission.NewFor + processing, FailureReason(inverter, values), values);
            _submissions[submission.ProcessId] = submission;
            _inOrder.Add(submission);
            _days[inverter.RemoteInvId] = days;
            foreach (var value in values)
            {
                if (!days.TryGetValue(value.Date, out var versions)) days[value.Date] = versions = [];
                versions.Add(new RedexStoredVersion(versions.Count + 1, submission, value));
            }
            return (submission, []);
        }
    }

    public RedexSubmission? Submission(string processId)
    {
        lock (_gate) return _submissions.GetValueOrDefault(processId);
    }

    public IReadOnlyList<RedexSubmission> Submissions(string? remoteInvId = null)
    {
        lock (_gate) return [.. _inOrder.Where(s => remoteInvId is null || s.RemoteInvId == remoteInvId)];
    }

    /// <summary>Every stored day of an inverter in [from, to], each with all its versions (oldest first).</summary>
    public IReadOnlyList<(DateOnly Date, IReadOnlyList<RedexStoredVersion> Versions)> Days(string remoteInvId, DateOnly? from = null, DateOnly? to = null)
    {
        lock (_gate)
        {
            if (!_days.TryGetValue(remoteInvId, out var days)) return [];
            return [.. days.Where(p => (from is null || p.Key >= from) && (to is null || p.Key <= to))
                .Select(p => (p.Key, (IReadOnlyList<RedexStoredVersion>)[.. p.Value]))];
        }
    }

    /// <summary>The documented reason a submission fails in processing: a day above the inverter's capacity × 24 h.</summary>
    private static string? FailureReason(RedexInverter inverter, IReadOnlyList<RedexDailyValue> values)
    {
        var limit = (decimal)inverter.CapacityKw * 24;
        var over = values.OrderBy(v => v.Date).FirstOrDefault(v => v.Period > limit);
        return over is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"PeriodProductionInKWh {over.PeriodText} on {over.Date:yyyy-MM-dd} exceeds the device's registered capacity {inverter.CapacityKw} kW × 24 h = {limit} kWh");
    }

    /// <summary>Walks the days in order, with this request's values replacing stored ones, and names each record that breaks the order.</summary>
    private static List<(int Index, string Message)> Decreases(SortedDictionary<DateOnly, List<RedexStoredVersion>> days, IReadOnlyList<RedexDailyValue> values)
    {
        var merged = new SortedDictionary<DateOnly, (decimal Value, string Text, RedexDailyValue? Sent)>();
        foreach (var (date, versions) in days)
        {
            var current = versions.LastOrDefault(v => !v.Submission.WillFail);
            if (current is not null) merged[date] = (current.Value.Accumulated, current.Value.AccumulatedText, null);
        }
        foreach (var v in values) merged[v.Date] = (v.Accumulated, v.AccumulatedText, v);

        var errors = new List<(int Index, string Message)>();
        var flagged = new HashSet<int>();
        // Each day must be at least the highest value of any day before it.
        (DateOnly Date, decimal Value, string Text, RedexDailyValue? Sent)? highest = null;
        foreach (var (date, (value, text, sent)) in merged)
        {
            if (highest is { } h && value < h.Value)
            {
                if (sent is not null && flagged.Add(sent.Index))
                    errors.Add((sent.Index, $"The accumulated value decreases: {text} on {date:yyyy-MM-dd} is below {h.Text} on {h.Date:yyyy-MM-dd}{(h.Sent is null ? " (accepted before)" : " (in this request)")}"));
                else if (sent is null && h.Sent is not null && flagged.Add(h.Sent.Index))
                    errors.Add((h.Sent.Index, $"The accumulated value decreases: {h.Text} on {h.Date:yyyy-MM-dd} is above {text} accepted before for {date:yyyy-MM-dd}"));
                continue;
            }
            highest = (date, value, text, sent);
        }
        return [.. errors.OrderBy(e => e.Index)];
    }
}
