using System.Buffers.Binary;

namespace SolarDashboard.Core.TimeSeries;

/// <summary>The packed day layout: 288 five-minute slots of little-endian doubles, NaN where there is no sample.</summary>
public static class SeriesPacking
{
    public const int SlotsPerDay = 288;
    public const int BytesPerDay = SlotsPerDay * sizeof(double);
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(5);

    public static int DayOf(DateTimeOffset t) => (int)(t.ToUnixTimeSeconds() / 86400);

    public static int SlotOf(DateTimeOffset t) => (int)(t.ToUnixTimeSeconds() % 86400 / 300);

    public static DateTimeOffset TimeOf(int day, int slot) => DateTimeOffset.FromUnixTimeSeconds(day * 86400L + slot * 300L);

    private static readonly byte[] EmptyDay = CreateEmpty();

    /// <summary>A day with no samples (every slot NaN).</summary>
    public static byte[] Empty() => (byte[])EmptyDay.Clone();

    private static byte[] CreateEmpty()
    {
        var bytes = new byte[BytesPerDay];
        for (var i = 0; i < SlotsPerDay; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), double.NaN);
        return bytes;
    }

    public static double Get(ReadOnlySpan<byte> values, int slot) => BinaryPrimitives.ReadDoubleLittleEndian(values[(slot * 8)..]);

    /// <summary>How many slots hold a sample.</summary>
    public static int Count(ReadOnlySpan<byte> values)
    {
        var count = 0;
        for (var slot = 0; slot < SlotsPerDay; slot++) if (!double.IsNaN(Get(values, slot))) count++;
        return count;
    }

    /// <summary>Writes a slot; returns true when the stored value changed (NaN equals NaN).</summary>
    public static bool Set(Span<byte> values, int slot, double value)
    {
        var old = Get(values, slot);
        if (old.Equals(value)) return false;
        BinaryPrimitives.WriteDoubleLittleEndian(values[(slot * 8)..], value);
        return true;
    }
}
