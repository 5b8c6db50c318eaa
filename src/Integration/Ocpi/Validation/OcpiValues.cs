using System.Collections.Frozen;

namespace Portal.Integration.Ocpi.Validation;

/// <summary>
/// The enum values of OCPI 2.2.1, exactly as written in the spec (case-sensitive). The contracts keep
/// enums as strings, because peers on newer versions send values we do not know yet.
/// </summary>
public static class OcpiValues
{
    public static readonly FrozenSet<string> EvseStatus = Set(
        "AVAILABLE", "BLOCKED", "CHARGING", "INOPERATIVE", "OUTOFORDER", "PLANNED", "REMOVED", "RESERVED", "UNKNOWN");

    public static readonly FrozenSet<string> Capability = Set(
        "CHARGING_PROFILE_CAPABLE", "CHARGING_PREFERENCES_CAPABLE", "CHIP_CARD_SUPPORT", "CONTACTLESS_CARD_SUPPORT",
        "CREDIT_CARD_PAYABLE", "DEBIT_CARD_PAYABLE", "PED_TERMINAL", "REMOTE_START_STOP_CAPABLE", "RESERVABLE",
        "RFID_READER", "START_SESSION_CONNECTOR_REQUIRED", "TOKEN_GROUP_CAPABLE", "UNLOCK_CAPABLE");

    public static readonly FrozenSet<string> ParkingRestriction = Set("EV_ONLY", "PLUGGED", "DISABLED", "CUSTOMERS", "MOTORCYCLES");

    public static readonly FrozenSet<string> ParkingType = Set(
        "ALONG_MOTORWAY", "PARKING_GARAGE", "PARKING_LOT", "ON_DRIVEWAY", "ON_STREET", "UNDERGROUND_GARAGE");

    public static readonly FrozenSet<string> PowerType = Set("AC_1_PHASE", "AC_2_PHASE", "AC_2_PHASE_SPLIT", "AC_3_PHASE", "DC");

    public static readonly FrozenSet<string> ConnectorFormat = Set("SOCKET", "CABLE");

    public static readonly FrozenSet<string> ConnectorType = Set(
        "CHADEMO", "CHAOJI",
        "DOMESTIC_A", "DOMESTIC_B", "DOMESTIC_C", "DOMESTIC_D", "DOMESTIC_E", "DOMESTIC_F", "DOMESTIC_G", "DOMESTIC_H",
        "DOMESTIC_I", "DOMESTIC_J", "DOMESTIC_K", "DOMESTIC_L", "DOMESTIC_M", "DOMESTIC_N", "DOMESTIC_O",
        "GBT_AC", "GBT_DC",
        "IEC_60309_2_single_16", "IEC_60309_2_three_16", "IEC_60309_2_three_32", "IEC_60309_2_three_64",
        "IEC_62196_T1", "IEC_62196_T1_COMBO", "IEC_62196_T2", "IEC_62196_T2_COMBO", "IEC_62196_T3A", "IEC_62196_T3C",
        "NEMA_5_20", "NEMA_6_30", "NEMA_6_50", "NEMA_10_30", "NEMA_10_50", "NEMA_14_30", "NEMA_14_50",
        "PANTOGRAPH_BOTTOM_UP", "PANTOGRAPH_TOP_DOWN",
        "TESLA_R", "TESLA_S");

    public static readonly FrozenSet<string> Facility = Set(
        "HOTEL", "RESTAURANT", "CAFE", "MALL", "SUPERMARKET", "SPORT", "RECREATION_AREA", "NATURE", "MUSEUM", "BIKE_SHARING",
        "BUS_STOP", "TAXI_STAND", "TRAM_STOP", "METRO_STATION", "TRAIN_STATION", "AIRPORT", "PARKING_LOT", "CARPOOL_PARKING",
        "FUEL_STATION", "WIFI");

    public static readonly FrozenSet<string> ImageCategory = Set("CHARGER", "ENTRANCE", "LOCATION", "NETWORK", "OPERATOR", "OTHER", "OWNER");

    public static readonly FrozenSet<string> EnergySourceCategory = Set(
        "NUCLEAR", "GENERAL_FOSSIL", "COAL", "GAS", "GENERAL_GREEN", "SOLAR", "WIND", "WATER");

    public static readonly FrozenSet<string> EnvironmentalImpactCategory = Set("NUCLEAR_WASTE", "CARBON_DIOXIDE");

    public static readonly FrozenSet<string> TokenType = Set("AD_HOC_USER", "APP_USER", "OTHER", "RFID");

    private static FrozenSet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);
}
