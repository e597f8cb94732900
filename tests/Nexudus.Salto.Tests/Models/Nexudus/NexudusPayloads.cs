using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

/// <summary>
/// JSON payloads for the Nexudus models. <c>*Documented</c> payloads are the examples of the Nexudus API
/// documentation (lists, writes, entities, webhooks) with their <c>...</c> elisions completed; <c>*Full</c>
/// payloads set every field the model has.
/// </summary>
internal static class NexudusPayloads
{
    public const string BusinessDocumented = """
        { "Id": 1414000001, "Name": "Central", "WebAddress": "central", "RootLocationId": null,
          "SimpleTimeZoneId": 12, "MondayOpenTime": 480, "MondayCloseTime": 1080, "MondayClosed": false }
        """;

    public const string BusinessFull = """
        { "Id": 1414000001, "UniqueId": "6b1f9a3e-0c2d-4e5f-8a9b-1c2d3e4f5a6b",
          "CreatedOn": "2019-03-01T09:00:00Z", "UpdatedOn": "2025-01-15T10:30:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "erp-central",
          "Name": "Central", "WebAddress": "central", "RootLocationId": 1413999999,
          "CountryId": 1220, "CountryName": "United Kingdom", "CurrencyId": 7, "CurrencyCode": "GBP",
          "SimpleTimeZoneId": 12, "Address": "1 High Street, London", "Latitude": 51.5072, "Longitude": -0.1276,
          "Suspended": false, "SameOpeningTimes": false,
          "MondayOpenTime": 480, "MondayCloseTime": 1080, "MondayClosed": false,
          "TuesdayOpenTime": 480, "TuesdayCloseTime": 1080, "TuesdayClosed": false,
          "WednesdayOpenTime": 480, "WednesdayCloseTime": 1080, "WednesdayClosed": false,
          "ThursdayOpenTime": 480, "ThursdayCloseTime": 1200, "ThursdayClosed": false,
          "FridayOpenTime": 480, "FridayCloseTime": 1020, "FridayClosed": false,
          "SaturdayOpenTime": 600, "SaturdayCloseTime": 840, "SaturdayClosed": false,
          "SundayOpenTime": 0, "SundayCloseTime": 0, "SundayClosed": true }
        """;

    public const string SimpleTimeZoneFull = """
        { "Id": 12, "UniqueId": "0d6c9b8a-7f6e-4d5c-9b4a-3f2e1d0c9b8a",
          "CreatedOn": "2012-01-01T00:00:00Z", "UpdatedOn": "2024-06-01T00:00:00Z",
          "UpdatedBy": "system@nexudus.com", "SystemId": "tz-london",
          "Name": "GMT Standard Time", "Description": "(UTC+00:00) Dublin, Edinburgh, Lisbon, London",
          "TimeOffset": "00:00", "UsesSummerTime": true }
        """;

    public const string CoworkerDocumented = """
        { "Id": 1415604543, "CoworkerType": 1, "FullName": "Sam Example", "Email": "sam@example.com",
          "Active": true, "Archived": false, "Businesses": [1414000001], "Teams": [1415000123],
          "AccessCardId": "12345678", "KeyFobNumber": null, "AccessPincode": "4321",
          "UserId": 1415000999, "SimpleTimeZoneId": 12, "UpdatedOn": "2025-01-15T10:30:00Z" }
        """;

    public const string CoworkerFull = """
        { "Id": 1415604543, "UniqueId": "3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
          "CreatedOn": "2024-11-02T08:15:00Z", "UpdatedOn": "2025-01-15T10:30:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "crm-0042",
          "CoworkerType": 1, "FullName": "Sam Example", "Email": "sam@example.com",
          "GuessedFirstName": "Sam", "GuessedLastName": "Example", "CompanyName": "Acme Ltd",
          "MobilePhone": "+44 7700 900123", "UserId": 1415000999,
          "Active": true, "Archived": false, "Businesses": [1414000001, 1414000002], "Teams": [1415000123],
          "InvoicingBusinessId": 1414000001, "TariffId": 1414997001, "TariffName": "Hot desk",
          "NextTariffId": 1414997002, "CoworkerContractIds": "1416000001,1416000002",
          "SimpleTimeZoneId": 12, "CountryId": 1220,
          "AccessCardId": "12345678", "KeyFobNumber": "FOB-0042", "AccessPincode": "4321",
          "AllowNetworkCheckin": true, "CanMakeBookings": true, "CanBookForTeam": false,
          "RegistrationDate": "2024-11-02T08:15:00Z", "RegistrationDateLocal": "2024-11-02T08:15:00" }
        """;

    public const string TeamDocumented = """
        { "Id": 1415000123, "BusinessId": 1414000001, "Name": "Acme", "TeamMembers": [1415604543],
          "TeamAdministrators": [1415604543], "PayingMemberId": 1415604543, "ShareTimePasses": true }
        """;

    public const string TeamFull = """
        { "Id": 1415000123, "UniqueId": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
          "CreatedOn": "2024-10-01T12:00:00Z", "UpdatedOn": "2025-01-10T16:45:12Z",
          "UpdatedBy": "admin@example.com", "SystemId": "team-acme",
          "BusinessId": 1414000001, "Name": "Acme", "TeamMembers": [1415604543, 1415914201],
          "TeamAdministrators": [1415604543], "PayingMemberId": 1415604543,
          "PayingMemberFullName": "Sam Example", "CreateSingleInvoiceForTeam": true,
          "DefaultMemberTariffId": 1414997001, "MaxTeamMemberCount": 10, "ShareTimePasses": true,
          "ShareBookingCredit": false, "ShareExtraServices": false, "TransferCreditsToPayingMember": true,
          "CoworkerIds": "1415604543,1415914201", "ActiveContracts": 2 }
        """;

    public const string TimePassDocumented = """
        { "Id": 1414999001, "BusinessId": 1414000001, "Name": "Day Pass", "MinutesIncluded": null,
          "AccessControlGroupId": null, "AccessControlGroupIds": null, "Archived": false }
        """;

    public const string TimePassFull = """
        { "Id": 1414999002, "UniqueId": "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b",
          "CreatedOn": "2023-05-01T09:00:00Z", "UpdatedOn": "2025-01-02T09:00:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "pass-10h",
          "BusinessId": 1414000001, "Name": "10-hour pass", "Price": 45.50, "CurrencyId": 7,
          "MinutesIncluded": 600, "UsePriority": 2, "CountsTowardsPlanLimits": true,
          "UseAsPayAsYouGoForMembers": false, "UseAsPayAsYouGoForContacts": true,
          "Businesses": [1414000001, 1414000002], "Tariffs": [1414997001],
          "AllowNetworkCheckIn": true, "OnlyForMembers": false, "OnlyForContacts": false, "Archived": false,
          "AccessControlGroupId": "5d3f6a9e-2c1b-4e8f-9a7d-3b2c1d0e9f8a",
          "AccessControlGroupIds": "5d3f6a9e-2c1b-4e8f-9a7d-3b2c1d0e9f8a,8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d" }
        """;

    public const string TimePassTimeSlotDocumented = """
        { "Id": 1414999101, "TimePassId": 1414999001, "DayOfWeek": 1,
          "FromTime": "2025-01-15T10:00:00Z", "ToTime": "2025-01-15T14:00:00Z" }
        """;

    public const string TimePassTimeSlotFull = """
        { "Id": 1414999101, "UniqueId": "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
          "CreatedOn": "2025-01-15T09:00:00Z", "UpdatedOn": "2025-01-15T09:05:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "slot-mon-am",
          "TimePassId": 1414999001, "DayOfWeek": 1,
          "FromTime": "2025-01-15T10:00:00Z", "ToTime": "2025-01-15T14:00:00Z" }
        """;

    public const string CoworkerTimePassDocumented = """
        { "Id": 87654321, "CoworkerId": 1415604543, "BusinessId": 1414000001, "TimePassId": 1414999001,
          "TimePassName": "Day Pass", "Used": false, "UsedDate": null, "ExpireDate": "2025-02-28T00:00:00Z",
          "RemainingUses": null, "TotalUses": null, "CheckedIn": false, "IsFromTariff": true,
          "TariffTimePassUniqueId": "a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
          "CoworkerContractUniqueId": "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f" }
        """;

    public const string CoworkerTimePassFull = """
        { "Id": 87654322, "UniqueId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
          "CreatedOn": "2025-01-01T00:05:00Z", "UpdatedOn": "2025-01-20T09:12:33.1234567Z",
          "UpdatedBy": "admin@example.com", "SystemId": "ctp-1",
          "CoworkerId": 1415604543, "BusinessId": 1414000001, "TimePassId": 1414999002,
          "TimePassName": "10-hour pass", "Used": true, "UsedDate": "2025-01-20T09:12:00Z",
          "ExpireDate": "2025-02-28T00:00:00Z", "RemainingUses": 0, "TotalUses": 600, "CheckedIn": false,
          "Free": false, "Price": 45.50, "Invoiced": true, "InvoiceDate": "2025-01-01T00:10:00Z",
          "IsFromTariff": false, "IsPayAsYouGo": false, "CreateMultiple": 1,
          "TariffTimePassUniqueId": "a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
          "CoworkerProductUniqueId": "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a",
          "CoworkerContractUniqueId": "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f" }
        """;

    public const string TariffFull = """
        { "Id": 1414997001, "UniqueId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
          "CreatedOn": "2022-02-01T10:00:00Z", "UpdatedOn": "2024-12-01T10:00:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "plan-hot",
          "BusinessId": 1414000001, "Name": "Hot desk", "SystemTariffType": 5, "Price": 199.00,
          "InvoiceEvery": 1, "InvoiceEveryWeeks": 0, "Visible": true, "UseTimePasses": true,
          "DefaultInvoicingDay": 1, "CancellationPeriod": 1, "CancellationLimitDays": 30,
          "DefaultContractTerm": 3 }
        """;

    public const string TariffTimePassDocumented = """
        { "Id": 1414998001, "TariffId": 1414997001, "TimePassId": 1414999001, "PassesIncluded": 10, "PassRenewalTime": 2 }
        """;

    public const string TariffTimePassFull = """
        { "Id": 1414998001, "UniqueId": "a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
          "CreatedOn": "2022-02-01T10:05:00Z", "UpdatedOn": "2024-12-01T10:05:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "plan-hot-days",
          "TariffId": 1414997001, "TariffName": "Hot desk", "TimePassId": 1414999001,
          "TimePassName": "Day Pass", "PassesIncluded": 10, "PassRenewalTime": 2 }
        """;

    public const string CoworkerContractDocumented = """
        { "Id": 1416000001, "CoworkerId": 1415604543, "TariffId": 1414997001, "Active": true, "Cancelled": false,
          "StartDate": "2025-01-01T00:00:00Z", "StartDateLocal": "2025-01-01T00:00:00",
          "CancellationDate": null, "InPausedPeriod": false, "Desks": [1417000001] }
        """;

    public const string CoworkerContractFull = """
        { "Id": 1416000002, "UniqueId": "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f",
          "CreatedOn": "2024-12-20T14:00:00Z", "UpdatedOn": "2025-03-01T08:00:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "contract-7",
          "CoworkerId": 1415604543, "CoworkerActive": true, "CoworkerEmail": "sam@example.com",
          "CoworkerFullName": "Sam Example", "TariffId": 1414997001, "TariffName": "Office",
          "NextTariffId": 1414997002, "IssuedById": 1414000001, "Active": true, "Cancelled": true,
          "MainContract": true,
          "StartDate": "2025-06-30T23:00:00Z", "StartDateLocal": "2025-07-01T00:00:00",
          "RenewalDate": "2025-07-31T23:00:00Z", "RenewalDateLocal": "2025-08-01T00:00:00",
          "InvoicedPeriod": "2025-07-31T23:00:00Z", "InvoicedPeriodLocal": "2025-08-01T00:00:00",
          "ContractTerm": "2025-12-31T00:00:00Z", "ContractTermLocal": "2025-12-31T00:00:00",
          "NextAutoInvoice": "2025-07-25T06:00:00Z", "NextAutoInvoiceLocal": "2025-07-25T07:00:00",
          "CancellationDate": "2026-01-31T00:00:00Z", "CancellationDateLocal": "2026-01-31T00:00:00",
          "CancellationLimitDays": 30, "CancellationReason": 2, "CancelTeamContracts": false,
          "Quantity": 1, "Price": 650.00, "BillingDay": 1,
          "InPausedPeriod": true, "InPausedPeriodFrom": "2025-08-01T00:00:00Z",
          "InPausedPeriodUntil": "2025-08-31T00:00:00Z",
          "Desks": [1417000001, 1417000002], "Variants": [1417200001],
          "FloorPlanDeskIds": "1417000001,1417000002", "FloorPlanDeskNames": "Office 101, Office 102",
          "FloorPlanDeskVariantIds": "1417200001", "FloorPlanDeskVariantNames": "Office 101 (weekdays)" }
        """;

    public const string FloorPlanDeskDocumented = """
        { "Id": 1417000001, "FloorPlanId": 1417100001, "FloorPlanBusinessId": 1414000001, "Name": "Office 101",
          "ItemType": 1, "ResourceId": null, "CoworkerId": 1415604543,
          "AccessControlGroupId": "5d3f6a9e-2c1b-4e8f-9a7d-3b2c1d0e9f8a", "Available": false }
        """;

    public const string FloorPlanDeskFull = """
        { "Id": 1417000001, "UniqueId": "6e5d4c3b-2a19-4087-9f6e-5d4c3b2a1908",
          "CreatedOn": "2023-01-10T10:00:00Z", "UpdatedOn": "2025-01-01T00:00:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "office-101",
          "FloorPlanId": 1417100001, "FloorPlanName": "Ground floor", "FloorPlanBusinessId": 1414000001,
          "Name": "Office 101", "ItemType": 1, "ResourceId": 1414925064, "CoworkerId": 1415604543,
          "CoworkerContractIds": "1416000001", "CoworkerContractFullNames": "Sam Example",
          "CoworkerContractStartDates": "01/01/2025",
          "AccessControlGroupId": "5d3f6a9e-2c1b-4e8f-9a7d-3b2c1d0e9f8a", "Available": false,
          "AvailableFromTime": "2026-02-01T00:00:00Z", "AvailableFromTimeLocal": "2026-02-01T00:00:00",
          "AvailableToTime": "2026-12-31T23:00:00Z", "AvailableToTimeLocal": "2027-01-01T00:00:00",
          "Capacity": 4, "Size": 18.5, "Price": 650.00, "IsSensorOccupied": false }
        """;

    public const string ResourceDocumented = """
        { "Id": 1414925063, "BusinessId": 1414000001, "Name": "Small meeting room", "ResourceTypeId": 1414900001,
          "Visible": true, "Archived": false, "AccessControlGroupId": null }
        """;

    public const string ResourceFull = """
        { "Id": 1414925063, "UniqueId": "8c7b6a59-4837-4261-9504-f3e2d1c0b9a8",
          "CreatedOn": "2021-09-01T09:00:00Z", "UpdatedOn": "2024-09-01T09:00:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "room-small",
          "BusinessId": 1414000001, "Name": "Small meeting room", "ResourceTypeId": 1414900001,
          "SystemResourceType": 1, "Visible": true, "RequiresConfirmation": false, "Allocation": 6,
          "AllowMultipleBookings": false, "MinBookingLength": 30, "MaxBookingLength": 480,
          "LateCancellationLimit": 60, "OnlyForMembers": false, "OnlyForContacts": false,
          "Archived": false, "HideInCalendar": false,
          "AccessControlGroupId": "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918" }
        """;

    public const string BookingDocumented = """
        { "Id": 1418686279, "ResourceId": 1414925063, "ResourceName": "Small meeting room", "FloorPlanDeskId": null,
          "CoworkerId": 1415914201, "FromTime": "2022-05-13T23:00:00Z", "ToTime": "2022-05-14T00:00:00Z",
          "FromTimeLocal": "2022-05-14T00:00:00", "ToTimeLocal": "2022-05-14T01:00:00", "Tentative": true, "Online": false,
          "UpdatedOn": "2022-05-13T20:55:44.5515198Z" }
        """;

    public const string BookingFull = """
        { "Id": 1418686280, "UniqueId": "d7ac5d56-1c2e-4f3a-9b8d-7e6f5a4b3c2d",
          "CreatedOn": "2022-05-10T12:00:00Z", "UpdatedOn": "2022-05-13T20:55:44.5515198Z",
          "UpdatedBy": "sam@example.com", "SystemId": "cal-evt-9",
          "ResourceId": 1414925063, "ResourceName": "Small meeting room", "ResourceResourceTypeId": 1414900001,
          "FloorPlanDeskId": 1417000003, "FloorPlanDeskName": "Desk 3", "CoworkerId": 1415914201,
          "CoworkerFullName": "Alex Example", "CoworkerTeamNames": "Acme", "ExtraServiceId": 1414800001,
          "FromTime": "2022-05-13T23:00:00Z", "FromTimeLocal": "2022-05-14T00:00:00",
          "ToTime": "2022-05-14T00:00:00Z", "ToTimeLocal": "2022-05-14T01:00:00",
          "Tentative": false, "Online": true, "Invoiced": true, "InvoiceThisCoworker": false,
          "TeamsAtTheTimeOfBooking": "Acme", "TariffAtTheTimeOfBooking": "Hot desk",
          "CheckedInAt": "2022-05-13T23:02:10Z", "CancelIfNotCheckedIn": false,
          "RepeatSeriesUniqueId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "RepeatBooking": true,
          "Repeats": 2, "RepeatEvery": 1, "RepeatUntil": "2022-06-30T00:00:00Z", "WhichBookingsToUpdate": 1 }
        """;

    public const string CancelledBookingDocumented = """
        { "Id": 1418700001, "ResourceId": 1414925063, "ResourceName": "Small meeting room", "FloorPlanDeskId": null,
          "CoworkerId": 1415914201, "FromTime": "2022-05-13T23:00:00Z", "ToTime": "2022-05-14T00:00:00Z",
          "FromTimeLocal": "2022-05-14T00:00:00", "ToTimeLocal": "2022-05-14T01:00:00", "Tentative": false, "Online": true,
          "UpdatedOn": "2022-05-13T21:10:02.1000000Z", "CancellationReason": 1 }
        """;

    public const string CancelledBookingFull = """
        { "Id": 1418700002, "UniqueId": "f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f",
          "CreatedOn": "2022-05-13T21:10:02Z", "UpdatedOn": "2022-05-13T21:10:02.1000000Z",
          "UpdatedBy": "sam@example.com", "SystemId": "cal-evt-9",
          "ResourceId": 1414925063, "ResourceName": "Small meeting room", "ResourceResourceTypeId": 1414900001,
          "FloorPlanDeskId": 1417000003, "FloorPlanDeskName": "Desk 3", "CoworkerId": 1415914201,
          "CoworkerFullName": "Alex Example", "CoworkerTeamNames": "Acme", "ExtraServiceId": 1414800001,
          "FromTime": "2022-05-13T23:00:00Z", "FromTimeLocal": "2022-05-14T00:00:00",
          "ToTime": "2022-05-14T00:00:00Z", "ToTimeLocal": "2022-05-14T01:00:00",
          "Tentative": false, "Online": true, "Invoiced": false, "InvoiceThisCoworker": false,
          "TeamsAtTheTimeOfBooking": "Acme", "TariffAtTheTimeOfBooking": "Hot desk",
          "CheckedInAt": "2022-05-13T20:00:00Z", "CancelIfNotCheckedIn": true,
          "RepeatSeriesUniqueId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "RepeatBooking": false,
          "Repeats": 1, "RepeatEvery": 1, "RepeatUntil": "2022-05-20T00:00:00Z", "WhichBookingsToUpdate": 5,
          "CancellationReason": 4 }
        """;

    public const string CoworkerInvoiceDocumented = """
        { "Id": 1419200001, "CoworkerId": 1415914201, "CoworkerFullName": "Alex Example", "BusinessId": 1414000001,
          "InvoiceNumber": "INV-0042", "BillToName": "Alex Example", "DueDate": "2026-11-02T00:00:00Z",
          "DueDateLocal": "2026-11-02T00:00:00", "TotalAmount": 120.00, "Draft": false, "Paid": false }
        """;

    public const string CoworkerInvoiceFull = """
        { "Id": 1419200002, "UniqueId": "a1b2c3d4-e5f6-4789-8abc-def012345678",
          "CreatedOn": "2026-10-03T08:00:00Z", "UpdatedOn": "2026-11-20T09:30:00.1234567Z",
          "UpdatedBy": "billing@example.com", "SystemId": "inv-42",
          "CoworkerId": 1415914201, "BusinessId": 1414000001, "InvoiceNumber": "INV-0043",
          "DueDate": "2026-11-02T00:00:00Z", "TotalAmount": 120.00, "PaidAmount": 120.00, "Paid": true,
          "PaidOn": "2026-11-20T09:30:00Z", "Void": false, "CreditNote": false, "Draft": false }
        """;

    public const string VisitorDocumented = """
        { "Id": 1419300001, "BusinessId": 1414000001, "FullName": "Vera Visitor", "Email": "vera@example.com",
          "CoworkerId": 1415604543, "CoworkerFullName": "Sam Example", "HostApprovalStatus": 5,
          "ExpectedArrival": "2026-11-02T10:00:00Z", "Arrived": false }
        """;

    public const string VisitorFull = """
        { "Id": 1419300002, "UniqueId": "b2c3d4e5-f6a7-4890-9bcd-ef0123456789",
          "CreatedOn": "2026-11-01T08:00:00Z", "UpdatedOn": "2026-11-01T09:30:00.1234567Z",
          "UpdatedBy": "reception@example.com", "SystemId": "vis-2",
          "BusinessId": 1414000001, "FullName": "Vera Visitor", "Email": "vera@example.com",
          "CoworkerId": 1415604543, "CoworkerFullName": "Sam Example", "CompanyName": "Visiting Ltd",
          "ExpectedArrival": "2026-11-02T10:00:00Z", "ExpectedArrivalLocal": "2026-11-02T10:00:00",
          "HostApprovalStatus": 4, "Arrived": true }
        """;

    public const string BookingVisitorDocumented = """
        { "Id": 1419400001, "BookingId": 1419000001, "VisitorId": 1419300001, "VisitorFullName": "Vera Visitor" }
        """;

    public const string BookingVisitorFull = """
        { "Id": 1419400002, "UniqueId": "c3d4e5f6-a7b8-4901-8cde-f01234567890",
          "CreatedOn": "2026-11-01T08:00:00Z", "UpdatedOn": "2026-11-01T09:30:00.1234567Z",
          "UpdatedBy": "sam@example.com", "SystemId": "bv-2",
          "BookingId": 1419000001, "VisitorId": 1419300001, "VisitorFullName": "Vera Visitor", "VisitorEmail": "vera@example.com" }
        """;

    public const string CheckInDocumented = """
        { "BusinessId": 1414000001, "CoworkerId": 1415604543, "FromTime": "2025-01-15T09:00:00Z", "ToTime": null }
        """;

    public const string CheckInFull = """
        { "Id": 1419100001, "UniqueId": "3a4b5c6d-7e8f-4091-a2b3-c4d5e6f7a8b9",
          "CreatedOn": "2025-01-15T09:00:01Z", "UpdatedOn": "2025-01-15T17:30:05.1234567Z",
          "UpdatedBy": "door@example.com", "SystemId": "salto-evt-77",
          "BusinessId": 1414000001, "CoworkerId": 1415604543,
          "FromTime": "2025-01-15T09:00:00Z", "FromTimeLocal": "2025-01-15T09:00:00",
          "ToTime": "2025-01-15T17:30:00Z", "ToTimeLocal": "2025-01-15T17:30:00",
          "Source": 2, "CoworkerTimePassGuid": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
          "CountsTowardsPlanLimits": true, "AutoCheckout": false, "LastActivity": "2025-01-15T17:29:00Z",
          "MacAddresses": "00:1A:2B:3C:4D:5E", "TeamsAtTheTimeOfCheckin": "Acme",
          "TariffAtTheTimeOfCheckin": "Hot desk" }
        """;

    public const string WebhookDocumented = """
        { "BusinessId": 1414000001, "Name": "Booking updates", "Action": 7, "URL": "https://example.com/hooks/nexudus", "Active": true }
        """;

    public const string WebhookFull = """
        { "Id": 1419200001, "UniqueId": "9a8b7c6d-5e4f-4321-8fed-cba987654321",
          "CreatedOn": "2025-01-02T10:00:00Z", "UpdatedOn": "2025-01-15T10:30:00Z",
          "UpdatedBy": "admin@example.com", "SystemId": "salto-sync",
          "BusinessId": 1414000001, "Name": "Booking updates", "Action": 7,
          "Description": "Re-reads bookings for SALTO KS", "URL": "https://example.com/hooks/nexudus",
          "Active": true, "LastTrigger": "2025-01-15T10:29:59Z",
          "LastError": "The remote server returned an error: (500) Internal Server Error.", "ErrorCount": 1 }
        """;

    /// <summary>A booking webhook body: an array holding the one record.</summary>
    public const string BookingWebhookDocumented = """
        [ { "Id": 1418686279, "ResourceId": 1414925063, "CoworkerId": 1415914201,
            "FromTime": "2022-05-13T23:00:00Z", "ToTime": "2022-05-14T00:00:00Z",
            "UniqueId": "d7ac5d56-1c2e-4f3a-9b8d-7e6f5a4b3c2d" } ]
        """;

    /// <summary>The model types paired with their documented (where the notes give one) and full payloads.</summary>
    public static IReadOnlyList<(Type Model, string? Documented, string Full)> All { get; } =
    [
        (typeof(Business), BusinessDocumented, BusinessFull),
        (typeof(SimpleTimeZone), null, SimpleTimeZoneFull),
        (typeof(Coworker), CoworkerDocumented, CoworkerFull),
        (typeof(Team), TeamDocumented, TeamFull),
        (typeof(TimePass), TimePassDocumented, TimePassFull),
        (typeof(TimePassTimeSlot), TimePassTimeSlotDocumented, TimePassTimeSlotFull),
        (typeof(CoworkerTimePass), CoworkerTimePassDocumented, CoworkerTimePassFull),
        (typeof(Tariff), null, TariffFull),
        (typeof(TariffTimePass), TariffTimePassDocumented, TariffTimePassFull),
        (typeof(CoworkerContract), CoworkerContractDocumented, CoworkerContractFull),
        (typeof(FloorPlanDesk), FloorPlanDeskDocumented, FloorPlanDeskFull),
        (typeof(Resource), ResourceDocumented, ResourceFull),
        (typeof(Booking), BookingDocumented, BookingFull),
        (typeof(CancelledBooking), CancelledBookingDocumented, CancelledBookingFull),
        (typeof(CoworkerInvoice), CoworkerInvoiceDocumented, CoworkerInvoiceFull),
        (typeof(Visitor), VisitorDocumented, VisitorFull),
        (typeof(BookingVisitor), BookingVisitorDocumented, BookingVisitorFull),
        (typeof(CheckIn), CheckInDocumented, CheckInFull),
        (typeof(Webhook), WebhookDocumented, WebhookFull),
    ];

    public static (Type Model, string? Documented, string Full) For(string modelName) =>
        All.Single(entry => entry.Model.Name == modelName);
}
