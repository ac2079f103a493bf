using System.Text.Json.Serialization;

namespace MentorFlow.Reports.PowerBi;

/// <summary>One published figure of one district (or the statewide total), suppressed as in the state workbook.</summary>
public sealed class PublishedFigureRow
{
    /// <summary>The district, or the statewide row.</summary>
    [JsonPropertyName("district_key")] public long DistrictKey { get; set; }

    /// <summary>The figure (<c>dim_figure</c>).</summary>
    [JsonPropertyName("figure_key")] public string FigureKey { get; set; } = "";

    /// <summary>The value; empty when suppressed or when there is nothing to measure.</summary>
    [JsonPropertyName("value")] public double? Value { get; set; }

    /// <summary>Hidden by the suppression rule.</summary>
    [JsonPropertyName("suppressed")] public bool Suppressed { get; set; }
}

/// <summary>A district of the published tables, or the statewide total.</summary>
public sealed class PublishedDistrictRow
{
    /// <summary>The district.</summary>
    [JsonPropertyName("district_key")] public long DistrictKey { get; set; }

    /// <summary>Its id, or "statewide".</summary>
    [JsonPropertyName("district_id")] public string DistrictId { get; set; } = "";

    /// <summary>Its name.</summary>
    [JsonPropertyName("district_name")] public string DistrictName { get; set; } = "";

    /// <summary>The statewide total, not a district: leave it out when adding districts up.</summary>
    [JsonPropertyName("is_statewide")] public bool IsStatewide { get; set; }

    /// <summary>It served 1 to 5 beginning educators, so most of its figures are suppressed.</summary>
    [JsonPropertyName("small_cell")] public bool SmallCell { get; set; }
}

/// <summary>A figure of the state report.</summary>
public sealed class FigureDefinitionRow
{
    /// <summary>The figure's key.</summary>
    [JsonPropertyName("figure_key")] public string FigureKey { get; set; } = "";

    /// <summary>Its name.</summary>
    [JsonPropertyName("label")] public string Label { get; set; } = "";

    /// <summary>EducatorCount, Count, Hours, Share, Rating or Money.</summary>
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";

    /// <summary>How it is computed.</summary>
    [JsonPropertyName("definition")] public string Definition { get; set; } = "";
}
