namespace Portal.Domain.Common;

/// <summary>
/// The rules a person can break on a page. A <see cref="DomainRuleViolated"/> names one, so the portal can
/// say it in the reader's language (text key <c>Rule.{name}</c>); the exception's own message stays English
/// for logs and the command line. The comment after each rule lists the arguments it is thrown with.
/// </summary>
public enum DomainRule
{
    // Applications: the resident's steps
    CarPlateOrExpectedDate,
    CarExpectedWithinYear,
    AnswerFilesOnlyWhileAsked,
    TooManyDocuments,            // max files (int)
    DocumentNotInApplication,
    PermitNumberTooLong,         // max characters (int)
    StepsIncomplete,             // missing steps (ApplicationStep[])
    OnlyDraftCanChange,
    OnlyDraftCanBeDeleted,
    StreetTooLong,               // max characters (int)
    PlaceNameTooLong,            // max characters (int)
    PostcodeInvalid,             // what was typed (string)
    HouseNumberInvalid,          // what was typed (string)
    HouseNumberAdditionInvalid,  // max characters (int)
    PointTooFarFromAddress,      // distance in metres, rounded up (double), max metres (int)
    LicencePlateMissing,
    LicencePlateInvalid,         // what was typed (string)
    LicencePlateNotIssued,       // what was typed (string)
    FileEmpty,
    FileTooLarge,                // max megabytes (int)

    // Applications: the officer's work and the decision
    DraftNotAssessed,
    NotSubmittedYet,
    ApplicationClosed,
    NotWaitingForInformation,
    InformationAlreadyAnswered,
    QuestionMissing,
    AnswerMissing,
    InformationTextTooLong,      // max characters (int)
    DecisionTextTooLong,         // max characters (int)
    StatusChangeNotAllowed,      // from, to (ApplicationStatus)
    ReasonRequired,              // to (ApplicationStatus)
    ReasonTooLong,               // max characters (int)
    PersonalDataOnlyFromClosed,
    NotAPublicChargePoint,
    SpotNotOpen,
    DeadlineAlreadyExtended,     // the day it was extended (DateTime, UTC)
    DeadlinePassed,              // the last day of the term (DateTime, UTC)
    DecisionWeeksOutOfRange,     // max weeks (int)
    ExtensionWeeksOutOfRange,    // max weeks (int)

    // Spots
    SpotStatusChangeNotAllowed,  // from, to (SpotStatus)
    SpotReasonRequired,          // to (SpotStatus)
    SpotBaysOutOfRange,          // max bays (int)
    SpotPavementWidthOutOfRange,
    SpotDistanceToBayOutOfRange,
    SpotNotesTooLong,            // max characters (int)
    SpotRetired,

    // Traffic orders
    OrderTitleMissing,
    OrderTitleTooLong,           // max characters (int)
    OnlyDraftOrderCanChange,
    SpotAlreadyInOrder,
    SpotInAnotherLiveOrder,      // the spot's address, the other order's reference (string, string)
    SpotNotReadyForOrder,        // the spot's address (string), its status (SpotStatus)
    InstallationBeforePublication,
    OrderCannotBeAmended,        // the order's reference (string), its status (TrafficOrderStatus)
    TooManyLocations,            // max locations (int)
    LocationStreetMissing,
    OrderHasNoLocations,
    PoliceAnswerMissing,
    PoliceAnswerTooLong,         // max characters (int)
    DateInFuture,                // the day (DateOnly)
    DateBeforePreviousStep,      // the previous step's day (DateOnly)
    StepNotInRoute,              // the step (TrafficOrderStatus)
    StatusChangeNotAllowedForOrder, // from, to (TrafficOrderStatus)
    ViewsTermRunning,            // last day of the views term (DateOnly)
    ViewsNotConsidered,
    ViewsClosed,
    ObjectionTermRunning,        // last day of the term (DateOnly)
    ObjectionsUndecided,
    ObjectionsNotOpenForDecision,
    NotOpenForObjections,
    ReasonRequiredForOrder,
    JournalReferenceMissing,
    JournalReferenceTooLong,     // max characters (int)
    SubSignTooLong,              // max characters (int)
    MaxParkingTimeOutOfRange,
    SignsBeforePublication,

    // Order texts and publication
    OrderTemplatePartMissing,
    OrderTemplatePartTooLong,    // max characters (int)
    OrderTemplateBraceUnmatched,
    OrderTemplateUnknownPlaceholder, // the placeholder, the known ones (string, string)
    OrderTemplateLastDayMissing, // the placeholder (string)
    OrderTextFixed,              // the order's status (TrafficOrderStatus)
    OrderInterestsMissing,
    OrderMotivationTooLong,      // max characters (int)

    // Objections and views
    ObjectorNameMissing,
    ObjectorAddressMissing,
    ObjectorEmailInvalid,
    ObjectorDetailsTooLong,
    ObjectionGroundsMissing,
    ObjectionGroundsTooLong,     // max characters (int)
    ObjectionTextTooLong,        // max characters (int)
    InadmissibleNeedsReason,
    NoHearingPlanned,
    CommitteeAfterExtension,
    ObjectionTermPassed,         // last day of the decision term (DateOnly)
    ObjectionTermAlreadyExtended, // the day it was extended (DateOnly)
    DeferralNotLater,            // the current last day (DateOnly)
    RepairAlreadyRequested,
    NoRepairRequested,
    ObjectionDecisionNeedsReasons,
    ConsequenceNeedsWellFounded,
    InadmissibleNotJudged,
    AdmissibilityNotJudged,
    ObjectionAlreadyDecided,
    ViewResponseMissing,

    // Geography
    LatitudeOutOfRange,          // latitude (double)
    LongitudeOutOfRange,         // longitude (double)
    PointOutsideArea,            // latitude, longitude (double), area name (string, English)
    BoundingBoxNeedsFourNumbers,
    BoundingBoxOutOfRange,
    BoundingBoxMinimumFirst,
    BoundingBoxFormat,
    BoundingBoxNotANumber,       // the value (string)
    PermitZoneNotPolygon,        // geometry type (string)
    PermitZoneInvalid,           // zone name (string)

    // Municipalities and operators
    BoundaryNotPolygon,          // geometry type (string)
    BoundaryInvalid,
    BoundaryNotWgs84,
    MunicipalityCodeInvalid,     // what was typed (string)
    MunicipalityNameMissing,
    MunicipalityNameTooLong,     // max characters (int)
    PolicySettingsInvalid,
    OcpiPartyIdInvalid,          // what was typed (string)
    OperatorNameMissing,
    OperatorNameTooLong,         // max characters (int)

    // Requirements: protocol certification dates
    ProtocolMissing,
    ProtocolTooLong,             // max characters (int)
    ProtocolVersionMissing,
    ProtocolVersionTooLong,      // max characters (int)
    CertificationAvailableInFuture, // the day typed (DateOnly)
    CertificationSourceMissing,
    CertificationSourceTooLong,  // max characters (int)
    CertificationAlreadyWithdrawn,
    // Contracts
    ContractReferenceMissing,
    ContractReferenceTaken,      // the reference (string)
    ContractTextTooLong,         // max characters (int)
    ContractNeedsMunicipality,   // max municipalities (int)
    ContractLeadNotMember,
    ContractRegistrationFixed,
    ContractEndNotAfterStart,
    ContractExtensionInvalid,
    ContractTermOutOfRange,      // the term (ContractTerm)
    ContractPenaltyRuleMissing,
    ContractSignerMissing,
    ContractVersionSigned,       // the version's number (int)
    ContractDraftVersionOpen,    // the draft version's number (int)
    AmendmentStartNotLater,      // the previous version's start (DateOnly)
    RequirementAlreadyAttached,  // the requirement's key (string)
    RequirementNotAttached,      // the requirement's key (string)
    SectionEmpty,                // set id, section (string, string)
    ThresholdNotInRequirement,   // the requirement's key, metric, limit (string, string, string)
    ThresholdHasNoDirection,     // metric, limit (string, string)
    ThresholdLoosened,           // metric, limit (string, string), the catalogue's value (decimal), direction (ThresholdDirection)
    CoverageLocationMissing,
    CoverageEvseMissing,
    CoverageIdTooLong,           // max characters (int)
    CoverageRuleExists,          // the location or EVSE (string)
    CoverageDatesReversed,

    // Contract evidence
    EvidenceTitleMissing,
    EvidenceIssuerMissing,
    EvidenceStandardMissing,
    EvidenceExpiryMissing,
    EvidenceExpiryNotAfterIssue, // the issue day (DateOnly)
    EvidenceTooManyEvses,        // max EVSEs (int)
    EvidenceAlreadyDecided,
    EvidenceRejectionNeedsReason,
    EvidenceEvseNotCovered,      // the EVSE (string)
    EvidenceRequirementNotAttached, // the requirement's key (string)

    // Installation cases
    GridOperatorMissing,
    GridConnectedBeforeRequested, // the request day (DateOnly)
    GridConnectionNotRequested,
    InstallationTextTooLong,      // max characters (int)
    InstallationCaseClosed,       // the reference (string)
    InstallationDayInFuture,      // today (DateOnly)
    InstallationNotAccepted,
    InstallationNotPaused,
    InstallationReasonMissing,
    InstallationMoveToSameSpot,
    InstallationMoveAfterPlacement,
    CommissioningNeedsData,
    CommissioningOtherOperator,
    MaintenanceWindowReversed,
    InstallationStepNotOfKind,    // the step (InstallationStep)
    RelocationNeedsOldSpot,
    RemovalStaysOnItsSpot,
    RemovalNeedsReleasingOrder,

    // Contract documents
    ContractDocumentTitleMissing,
    ContractDocumentVersionUnknown,
    ContractDocumentFrozen,      // the signed version's number (int)
    ContractDocumentRemovalNeedsReason,
    ContractDocumentAlreadyRemoved,

    // Maximum power
    GridConnectionOutOfRange,    // max kW (decimal)

    // Fault reports and maintenance windows
    FaultKindMissing,
    FaultDescriptionMissing,
    FaultTextTooLong,            // max characters (int)
    FaultNoticedInFuture,
    FaultEmailInvalid,
    FaultAlreadyAcknowledged,    // the reference (string)
    FaultAlreadyResolved,        // the reference (string)
    FaultAnswerMissing,
    MaintenanceWindowCancelled,

    // Exclusion claims
    ExclusionNoEvses,
    ExclusionEvseMissingUid,     // the EVSE (string)
    ExclusionTooManyEvses,       // max EVSEs (int)
    ExclusionIntervalReversed,
    ExclusionIntervalInFuture,
    ExclusionDeadlinePassed,     // the last day (DateOnly)
    ExclusionEvidenceMissing,    // the category code (string)
    ExclusionPhotosMissing,
    ExclusionTooManyPhotos,      // max photos (int)
    ExclusionTextTooLong,        // max characters (int)
    ExclusionAlreadyDecided,
    ExclusionNotACandidate,
    ExclusionIsACandidate,
    ExclusionReasonMissing,
    ExclusionPartNotInside,
    ExclusionPartNotSmaller,
    // Field audits
    FieldCheckSampleSize,        // max locations (int)
    FieldCheckPopulationEmpty,
    FieldCheckCompleted,
    FieldCheckUnanswered,        // items without a result (int)
    FieldCheckNoteTooLong,       // max characters (int)
    FieldCheckFailNeedsNote,
    // Audit runs
    AuditRunFrozen,
    AuditRunClaimsWindowOpen,    // the last day claims may be filed (DateOnly)
    AuditRunNotSigned,
    AuditRunReasonMissing,
    AuditRunReasonTooLong,       // max characters (int)
    // Findings
    FindingNotOpen,
    FindingNotAnswered,
    FindingAnswerMissing,
    FindingReasonMissing,
    FindingTextTooLong,          // max characters (int)
    FindingAlreadyDecided,
    FindingStillOpen,            // the deadline (DateOnly)
    // Smart-charging compliance tests
    SmartChargingSampleSize,     // max sessions (int)
    SmartChargingNotRequired,
    SmartChargingNoSessions,
    SmartChargingRunCompleted,
    SmartChargingRunOpen,
}
