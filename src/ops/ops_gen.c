/*
 * ops_gen.c - the operation table and every request body schema, generated
 * by scripts/gen-ops/gen.js from @datadog/datadog-api-client 1.64.0 (the
 * official TypeScript client's request builders, models and enums) and the
 * rules it does not carry (scripts/gen-ops/overlay.js). Do not edit: change
 * the overlay or the pinned version and run `make gen-ops`.
 *
 * 105 operations: 92 Incidents, 9 OpsgenieIntegration, 4 PagerDutyIntegration.
 */
#include "ops.h"

#define INT32_LO (-2147483647LL - 1)
#define INT32_HI 2147483647LL
#define INT64_LO (-9223372036854775807LL - 1)
#define INT64_HI 9223372036854775807LL
#define R DD_F_REQUIRED
#define N DD_F_NULLABLE
#define SECRET DD_F_SECRET

/* ---------------------------------------------------------------- body schemas */

static const char *const s1_incident_integrations_enum[] = {"incident_integrations", NULL};
static const dd_schema s1_incident_integrations = {DD_T_STRING, "\"incident_integrations\"", 0, 0, 0, s1_incident_integrations_enum, 0, 0, 0};
static const dd_schema s3_int32_1_Slack_7_Microsof = {DD_T_INT32, "int32: 1 Slack, 7 Microsoft Teams, 8 Jira", 0, 0, 0, 0, INT32_LO, 100, 0};
static const dd_schema s4_string = {DD_T_STRING, "string", 0, 0, 0, 0, 0, 0, 0};
static const dd_field f5_SlackIntegrationMetadataChannelItem[] = {
    {"channel_id", &s4_string, R, "Slack channel ID"},
    {"channel_name", &s4_string, R, "name of the Slack channel"},
    {"redirect_url", &s4_string, R, "URL redirecting to the Slack channel"},
    {"team_id", &s4_string, 0, "Slack team ID"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s6_SlackIntegrationMetadataChannelItem = {DD_T_OBJECT, "SlackChannel", f5_SlackIntegrationMetadataChannelItem, 0, 0, 0, 0, 0, 0};
static const dd_schema s7_array_of_SlackChannel = {DD_T_ARRAY, "array of SlackChannel", 0, &s6_SlackIntegrationMetadataChannelItem, 0, 0, 0, 0, 0};
static const dd_field f8_SlackIntegrationMetadata[] = {
    {"channels", &s7_array_of_SlackChannel, R, "Slack channels"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s9_SlackIntegrationMetadata = {DD_T_OBJECT, "SlackIntegrationMetadata", f8_SlackIntegrationMetadata, 0, 0, 0, 0, 0, 0};
static const dd_field f10_JiraIntegrationMetadataIssuesItem[] = {
    {"account", &s4_string, R, "URL of the issue's Jira account"},
    {"project_key", &s4_string, R, "Jira project key"},
    {"issue_key", &s4_string, 0, "Jira issue key"},
    {"issuetype_id", &s4_string, 0, "Jira issue type"},
    {"redirect_url", &s4_string, 0, "URL redirecting to the Jira issue"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s11_JiraIntegrationMetadataIssuesItem = {DD_T_OBJECT, "JiraIssue", f10_JiraIntegrationMetadataIssuesItem, 0, 0, 0, 0, 0, 0};
static const dd_schema s12_array_of_JiraIssue = {DD_T_ARRAY, "array of JiraIssue", 0, &s11_JiraIntegrationMetadataIssuesItem, 0, 0, 0, 0, 0};
static const dd_field f13_JiraIntegrationMetadata[] = {
    {"issues", &s12_array_of_JiraIssue, R, "Jira issues"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s14_JiraIntegrationMetadata = {DD_T_OBJECT, "JiraIntegrationMetadata", f13_JiraIntegrationMetadata, 0, 0, 0, 0, 0, 0};
static const dd_field f15_MSTeamsIntegrationMetadataTeamsItem[] = {
    {"ms_tenant_id", &s4_string, R, "Microsoft Teams tenant ID"},
    {"ms_channel_id", &s4_string, R, "Microsoft Teams channel ID"},
    {"ms_channel_name", &s4_string, R, "Microsoft Teams channel name"},
    {"redirect_url", &s4_string, R, "URL redirecting to the Teams channel"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s16_MSTeamsIntegrationMetadataTeamsItem = {DD_T_OBJECT, "TeamsChannel", f15_MSTeamsIntegrationMetadataTeamsItem, 0, 0, 0, 0, 0, 0};
static const dd_schema s17_array_of_TeamsChannel = {DD_T_ARRAY, "array of TeamsChannel", 0, &s16_MSTeamsIntegrationMetadataTeamsItem, 0, 0, 0, 0, 0};
static const dd_field f18_MSTeamsIntegrationMetadata[] = {
    {"teams", &s17_array_of_TeamsChannel, R, "Microsoft Teams channels"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s19_MSTeamsIntegrationMetadata = {DD_T_OBJECT, "MSTeamsIntegrationMetadata", f18_MSTeamsIntegrationMetadata, 0, 0, 0, 0, 0, 0};
static const dd_schema *const u20_IncidentIntegrationMetadataMetadata[] = {&s9_SlackIntegrationMetadata, &s14_JiraIntegrationMetadata, &s19_MSTeamsIntegrationMetadata, NULL};
static const dd_schema s21_IncidentIntegrationMetadataMetadata = {DD_T_ONEOF, "SlackIntegrationMetadata | JiraIntegrationMetadata | MSTeamsIntegrationMetadata", 0, 0, u20_IncidentIntegrationMetadataMetadata, 0, 0, 0, 0};
static const dd_schema s22_int32_0_unknown_5_failed = {DD_T_INT32, "int32: 0 unknown .. 5 failed", 0, 0, 0, 0, 0, 5, 0};
static const dd_schema s23_string_date_time = {DD_T_STRING, "string (date-time)", 0, 0, 0, 0, 0, 0, 0};
static const dd_field f24_IncidentIntegrationMetadataAttributes[] = {
    {"integration_type", &s3_int32_1_Slack_7_Microsof, R, "1 Slack, 7 Microsoft Teams, 8 Jira"},
    {"metadata", &s21_IncidentIntegrationMetadataMetadata, R, "channels, issues or teams"},
    {"incident_id", &s4_string, 0, "UUID of the incident"},
    {"status", &s22_int32_0_unknown_5_failed, 0, "0 unknown, 1 pending, 2 complete, 3 manually created, 4 manually updated, 5 failed"},
    {"created", &s23_string_date_time, 0, "read-only"},
    {"modified", &s23_string_date_time, 0, "read-only"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s25_IncidentIntegrationMetadataAttributes = {DD_T_OBJECT, "IncidentIntegrationMetadataAttributes", f24_IncidentIntegrationMetadataAttributes, 0, 0, 0, 0, 0, dd_rule_integration_type};
static const dd_field f26_IncidentIntegrationMetadataCreateData[] = {
    {"type", &s1_incident_integrations, R, "Integration metadata resource type."},
    {"attributes", &s25_IncidentIntegrationMetadataAttributes, R, "Incident integration metadata's attributes for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s27_IncidentIntegrationMetadataCreateData = {DD_T_OBJECT, "IncidentIntegrationMetadataData", f26_IncidentIntegrationMetadataCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f28_IncidentIntegrationMetadataCreateRequest[] = {
    {"data", &s27_IncidentIntegrationMetadataCreateData, R, "Incident integration metadata data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s29_IncidentIntegrationMetadataCreateRequest = {DD_T_OBJECT, "IncidentIntegrationMetadataRequest", f28_IncidentIntegrationMetadataCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s30_IncidentIntegrationMetadataPatchData = {DD_T_OBJECT, "IncidentIntegrationMetadataData", f26_IncidentIntegrationMetadataCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f31_IncidentIntegrationMetadataPatchRequest[] = {
    {"data", &s30_IncidentIntegrationMetadataPatchData, R, "Incident integration metadata data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s32_IncidentIntegrationMetadataPatchRequest = {DD_T_OBJECT, "IncidentIntegrationMetadataRequest", f31_IncidentIntegrationMetadataPatchRequest, 0, 0, 0, 0, 0, 0};
static const char *const s33_incident_types_enum[] = {"incident_types", NULL};
static const dd_schema s33_incident_types = {DD_T_STRING, "\"incident_types\"", 0, 0, 0, s33_incident_types_enum, 0, 0, 0};
static const dd_schema s35_non_empty_string = {DD_T_STRING, "non-empty string", 0, 0, 0, 0, 1, 0, 0};
static const dd_schema s36_boolean = {DD_T_BOOL, "boolean", 0, 0, 0, 0, 0, 0, 0};
static const dd_schema s37_any = {DD_T_ANY, "any", 0, 0, 0, 0, 0, 0, 0};
static const char *const s38_default_servicenow_enum[] = {"default", "servicenow", NULL};
static const dd_schema s38_default_servicenow = {DD_T_STRING, "\"default\" | \"servicenow\"", 0, 0, 0, s38_default_servicenow_enum, 0, 0, 0};
static const dd_field f40_IncidentTypeConfiguration[] = {
    {"allow_incident_deletion", &s36_boolean, 0, NULL},
    {"allow_workflows", &s36_boolean, 0, NULL},
    {"create_message", &s37_any, 0, NULL},
    {"editable_timestamps", &s36_boolean, 0, NULL},
    {"private_incidents", &s36_boolean, 0, NULL},
    {"private_incidents_by_default", &s36_boolean, 0, NULL},
    {"slug_source", &s38_default_servicenow, 0, "default or servicenow"},
    {"test_incidents", &s36_boolean, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s41_IncidentTypeConfiguration = {DD_T_OBJECT, "IncidentTypeConfiguration", f40_IncidentTypeConfiguration, 0, 0, 0, 0, 0, 0};
static const dd_field f42_IncidentTypeAttributes[] = {
    {"name", &s35_non_empty_string, R, "name of the incident type"},
    {"description", &s4_string, 0, NULL},
    {"is_default", &s36_boolean, 0, "default false"},
    {"prefix", &s4_string, 0, "prepended to incident titles"},
    {"configuration", &s41_IncidentTypeConfiguration, 0, NULL},
    {"createdAt", &s23_string_date_time, 0, NULL},
    {"createdBy", &s4_string, 0, NULL},
    {"lastModifiedBy", &s4_string, 0, NULL},
    {"modifiedAt", &s23_string_date_time, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s43_IncidentTypeAttributes = {DD_T_OBJECT, "IncidentTypeAttributes", f42_IncidentTypeAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f44_IncidentTypeCreateData[] = {
    {"type", &s33_incident_types, R, NULL},
    {"attributes", &s43_IncidentTypeAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s45_IncidentTypeCreateData = {DD_T_OBJECT, "IncidentTypeCreateData", f44_IncidentTypeCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f46_IncidentTypeCreateRequest[] = {
    {"data", &s45_IncidentTypeCreateData, R, "Incident type data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s47_IncidentTypeCreateRequest = {DD_T_OBJECT, "IncidentTypeCreateRequest", f46_IncidentTypeCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f48_IncidentTypeUpdateAttributes[] = {
    {"name", &s35_non_empty_string, 0, "name of the incident type"},
    {"description", &s4_string, 0, NULL},
    {"is_default", &s36_boolean, 0, "default false"},
    {"prefix", &s4_string, 0, "prepended to incident titles"},
    {"configuration", &s41_IncidentTypeConfiguration, 0, NULL},
    {"createdAt", &s23_string_date_time, 0, NULL},
    {"createdBy", &s4_string, 0, NULL},
    {"lastModifiedBy", &s4_string, 0, NULL},
    {"modifiedAt", &s23_string_date_time, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s49_IncidentTypeUpdateAttributes = {DD_T_OBJECT, "IncidentTypeUpdateAttributes", f48_IncidentTypeUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f50_IncidentTypePatchData[] = {
    {"id", &s4_string, R, "the incident type's ID"},
    {"type", &s33_incident_types, R, NULL},
    {"attributes", &s49_IncidentTypeUpdateAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s51_IncidentTypePatchData = {DD_T_OBJECT, "IncidentTypePatchData", f50_IncidentTypePatchData, 0, 0, 0, 0, 0, 0};
static const dd_field f52_IncidentTypePatchRequest[] = {
    {"data", &s51_IncidentTypePatchData, R, "Incident type data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s53_IncidentTypePatchRequest = {DD_T_OBJECT, "IncidentTypePatchRequest", f52_IncidentTypePatchRequest, 0, 0, 0, 0, 0, 0};
static const char *const s54_opsgenie_service_enum[] = {"opsgenie-service", NULL};
static const dd_schema s54_opsgenie_service = {DD_T_STRING, "\"opsgenie-service\"", 0, 0, 0, s54_opsgenie_service_enum, 0, 0, 0};
static const dd_schema s56_string_1_to_100_characte = {DD_T_STRING, "string (1 to 100 characters)", 0, 0, 0, 0, 1, 100, 0};
static const char *const s57_us_eu_custom_enum[] = {"us", "eu", "custom", NULL};
static const dd_schema s57_us_eu_custom = {DD_T_STRING, "\"us\" | \"eu\" | \"custom\"", 0, 0, 0, s57_us_eu_custom_enum, 0, 0, 0};
static const dd_field f59_OpsgenieServiceCreateAttributes[] = {
    {"name", &s56_string_1_to_100_characte, R, "name of the service (1 to 100 characters)"},
    {"opsgenie_api_key", &s4_string, R | SECRET, "Opsgenie API key (a secret)"},
    {"region", &s57_us_eu_custom, R, "us, eu or custom"},
    {"custom_url", &s4_string, N, "needed with region custom"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s60_OpsgenieServiceCreateAttributes = {DD_T_OBJECT, "OpsgenieServiceCreateAttributes", f59_OpsgenieServiceCreateAttributes, 0, 0, 0, 0, 0, dd_rule_custom_url};
static const dd_field f61_OpsgenieServiceCreateData[] = {
    {"type", &s54_opsgenie_service, R, NULL},
    {"attributes", &s60_OpsgenieServiceCreateAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s62_OpsgenieServiceCreateData = {DD_T_OBJECT, "OpsgenieServiceCreateData", f61_OpsgenieServiceCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f63_OpsgenieServiceCreateRequest[] = {
    {"data", &s62_OpsgenieServiceCreateData, R, "Opsgenie service data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s64_OpsgenieServiceCreateRequest = {DD_T_OBJECT, "OpsgenieServiceCreateRequest", f63_OpsgenieServiceCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f65_OpsgenieServiceUpdateAttributes[] = {
    {"name", &s56_string_1_to_100_characte, 0, "1 to 100 characters"},
    {"opsgenie_api_key", &s4_string, SECRET, "Opsgenie API key (a secret)"},
    {"region", &s57_us_eu_custom, 0, "us, eu or custom"},
    {"custom_url", &s4_string, N, "may be null"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s66_OpsgenieServiceUpdateAttributes = {DD_T_OBJECT, "OpsgenieServiceUpdateAttributes", f65_OpsgenieServiceUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f67_OpsgenieServiceUpdateData[] = {
    {"id", &s56_string_1_to_100_characte, R, "the service's ID (1 to 100 characters)"},
    {"type", &s54_opsgenie_service, R, NULL},
    {"attributes", &s66_OpsgenieServiceUpdateAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s68_OpsgenieServiceUpdateData = {DD_T_OBJECT, "OpsgenieServiceUpdateData", f67_OpsgenieServiceUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f69_OpsgenieServiceUpdateRequest[] = {
    {"data", &s68_OpsgenieServiceUpdateData, R, "Opsgenie service for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s70_OpsgenieServiceUpdateRequest = {DD_T_OBJECT, "OpsgenieServiceUpdateRequest", f69_OpsgenieServiceUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f71_PagerDutyService[] = {
    {"service_key", &s4_string, R | SECRET, "PagerDuty service key (a secret)"},
    {"service_name", &s4_string, R, "service name"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s72_PagerDutyService = {DD_T_OBJECT, "PagerDutyService", f71_PagerDutyService, 0, 0, 0, 0, 0, 0};
static const dd_field f73_PagerDutyServiceKey[] = {
    {"service_key", &s4_string, R | SECRET, "PagerDuty service key (a secret)"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s74_PagerDutyServiceKey = {DD_T_OBJECT, "PagerDutyServiceKey", f73_PagerDutyServiceKey, 0, 0, 0, 0, 0, 0};
static const char *const s75_incidents_enum[] = {"incidents", NULL};
static const dd_schema s75_incidents = {DD_T_STRING, "\"incidents\"", 0, 0, 0, s75_incidents_enum, 0, 0, 0};
static const dd_schema s77_array = {DD_T_ARRAY, "array", 0, &s37_any, 0, 0, 0, 0, 0};
static const dd_field f78_IncidentCreateAttributes[] = {
    {"title", &s4_string, R, "title of the incident"},
    {"customer_impacted", &s36_boolean, R, "whether customers are impacted"},
    {"customer_impact_scope", &s4_string, N, NULL},
    {"fields", &s37_any, 0, "incident fields by name"},
    {"incident_type_uuid", &s4_string, N, NULL},
    {"initial_cells", &s77_array, 0, NULL},
    {"is_test", &s36_boolean, 0, NULL},
    {"notification_handles", &s77_array, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s79_IncidentCreateAttributes = {DD_T_OBJECT, "IncidentCreateAttributes", f78_IncidentCreateAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s80_users_enum[] = {"users", NULL};
static const dd_schema s80_users = {DD_T_STRING, "\"users\"", 0, 0, 0, s80_users_enum, 0, 0, 0};
static const dd_field f82_NullableRelationshipToUserData[] = {
    {"id", &s4_string, R, "A unique identifier that represents the user."},
    {"type", &s80_users, R, "Users resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s83_NullableRelationshipToUserData = {DD_T_OBJECT, "NullableRelationshipToUserData", f82_NullableRelationshipToUserData, 0, 0, 0, 0, 0, 0};
static const dd_field f84_NullableRelationshipToUser[] = {
    {"data", &s83_NullableRelationshipToUserData, R | N, "Relationship to user object."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s85_NullableRelationshipToUser = {DD_T_OBJECT, "NullableRelationshipToUser", f84_NullableRelationshipToUser, 0, 0, 0, 0, 0, 0};
static const dd_field f86_IncidentCreateRelationships[] = {
    {"commander_user", &s85_NullableRelationshipToUser, R | N, "Relationship to user."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s87_IncidentCreateRelationships = {DD_T_OBJECT, "IncidentCreateRelationships", f86_IncidentCreateRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f88_IncidentCreateData[] = {
    {"type", &s75_incidents, R, NULL},
    {"attributes", &s79_IncidentCreateAttributes, R, NULL},
    {"relationships", &s87_IncidentCreateRelationships, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s89_IncidentCreateData = {DD_T_OBJECT, "IncidentCreateData", f88_IncidentCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f90_IncidentCreateRequest[] = {
    {"data", &s89_IncidentCreateData, R, "Incident data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s91_IncidentCreateRequest = {DD_T_OBJECT, "IncidentCreateRequest", f90_IncidentCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f92_IncidentUpdateAttributes[] = {
    {"title", &s4_string, 0, NULL},
    {"customer_impacted", &s36_boolean, 0, NULL},
    {"customer_impact_end", &s23_string_date_time, N, NULL},
    {"customer_impact_scope", &s4_string, N, NULL},
    {"customer_impact_start", &s23_string_date_time, N, NULL},
    {"detected", &s23_string_date_time, N, NULL},
    {"fields", &s37_any, 0, NULL},
    {"notification_handles", &s77_array, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s93_IncidentUpdateAttributes = {DD_T_OBJECT, "IncidentUpdateAttributes", f92_IncidentUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f94_RelationshipToIncidentIntegrationMetadataData[] = {
    {"id", &s4_string, R, "A unique identifier that represents the integration metadata."},
    {"type", &s1_incident_integrations, R, "Integration metadata resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s95_RelationshipToIncidentIntegrationMetadataData = {DD_T_OBJECT, "RelationshipToIncidentIntegrationMetadataData", f94_RelationshipToIncidentIntegrationMetadataData, 0, 0, 0, 0, 0, 0};
static const dd_schema s96_array_of_RelationshipToI = {DD_T_ARRAY, "array of RelationshipToIncidentIntegrationMetadataData", 0, &s95_RelationshipToIncidentIntegrationMetadataData, 0, 0, 0, 0, 0};
static const dd_field f97_RelationshipToIncidentIntegrationMetadatas[] = {
    {"data", &s96_array_of_RelationshipToI, R, "Integration metadata relationship array"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s98_RelationshipToIncidentIntegrationMetadatas = {DD_T_OBJECT, "RelationshipToIncidentIntegrationMetadatas", f97_RelationshipToIncidentIntegrationMetadatas, 0, 0, 0, 0, 0, 0};
static const char *const s99_incident_postmortems_enum[] = {"incident_postmortems", NULL};
static const dd_schema s99_incident_postmortems = {DD_T_STRING, "\"incident_postmortems\"", 0, 0, 0, s99_incident_postmortems_enum, 0, 0, 0};
static const dd_field f101_RelationshipToIncidentPostmortemData[] = {
    {"id", &s4_string, R, "A unique identifier that represents the postmortem."},
    {"type", &s99_incident_postmortems, R, "Incident postmortem resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s102_RelationshipToIncidentPostmortemData = {DD_T_OBJECT, "RelationshipToIncidentPostmortemData", f101_RelationshipToIncidentPostmortemData, 0, 0, 0, 0, 0, 0};
static const dd_field f103_RelationshipToIncidentPostmortem[] = {
    {"data", &s102_RelationshipToIncidentPostmortemData, R, "The postmortem relationship data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s104_RelationshipToIncidentPostmortem = {DD_T_OBJECT, "RelationshipToIncidentPostmortem", f103_RelationshipToIncidentPostmortem, 0, 0, 0, 0, 0, 0};
static const dd_field f105_IncidentUpdateRelationships[] = {
    {"commander_user", &s85_NullableRelationshipToUser, N, "Relationship to user."},
    {"integrations", &s98_RelationshipToIncidentIntegrationMetadatas, N, "A relationship reference for multiple integration metadata objects."},
    {"postmortem", &s104_RelationshipToIncidentPostmortem, N, "A relationship reference for postmortems."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s106_IncidentUpdateRelationships = {DD_T_OBJECT, "IncidentUpdateRelationships", f105_IncidentUpdateRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f107_IncidentUpdateData[] = {
    {"id", &s4_string, R, "the incident's ID"},
    {"type", &s75_incidents, R, NULL},
    {"attributes", &s93_IncidentUpdateAttributes, 0, NULL},
    {"relationships", &s106_IncidentUpdateRelationships, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s108_IncidentUpdateData = {DD_T_OBJECT, "IncidentUpdateData", f107_IncidentUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f109_IncidentUpdateRequest[] = {
    {"data", &s108_IncidentUpdateData, R, "Incident data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s110_IncidentUpdateRequest = {DD_T_OBJECT, "IncidentUpdateRequest", f109_IncidentUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s111_array_of_string = {DD_T_ARRAY, "array of string", 0, &s4_string, 0, 0, 0, 0, 0};
static const dd_field f112_IncidentHandleAttributesFields[] = {
    {"severity", &s111_array_of_string, N, "Severity levels associated with the handle"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s113_IncidentHandleAttributesFields = {DD_T_OBJECT, "IncidentHandleAttributesFields", f112_IncidentHandleAttributesFields, 0, 0, 0, 0, 0, 0};
static const dd_field f114_IncidentHandleAttributesRequest[] = {
    {"fields", &s113_IncidentHandleAttributesFields, N, "Dynamic fields associated with the handle"},
    {"name", &s4_string, R, "The handle name"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s115_IncidentHandleAttributesRequest = {DD_T_OBJECT, "IncidentHandleAttributesRequest", f114_IncidentHandleAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f116_IncidentHandleRelationshipData[] = {
    {"id", &s4_string, R, "The ID of the related resource"},
    {"type", &s4_string, R, "The type of the related resource"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s117_IncidentHandleRelationshipData = {DD_T_OBJECT, "IncidentHandleRelationshipData", f116_IncidentHandleRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f118_IncidentHandleRelationship[] = {
    {"data", &s117_IncidentHandleRelationshipData, R, "Relationship data for an incident handle, containing the ID and type of the related resource."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s119_IncidentHandleRelationship = {DD_T_OBJECT, "IncidentHandleRelationship", f118_IncidentHandleRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f120_IncidentHandleRelationshipsRequest[] = {
    {"commander_user", &s119_IncidentHandleRelationship, N, "A single relationship object for an incident handle, wrapping the related resource data."},
    {"incident_type", &s119_IncidentHandleRelationship, R, "A single relationship object for an incident handle, wrapping the related resource data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s121_IncidentHandleRelationshipsRequest = {DD_T_OBJECT, "IncidentHandleRelationshipsRequest", f120_IncidentHandleRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s122_incidents_handles_enum[] = {"incidents_handles", NULL};
static const dd_schema s122_incidents_handles = {DD_T_STRING, "\"incidents_handles\"", 0, 0, 0, s122_incidents_handles_enum, 0, 0, 0};
static const dd_field f124_IncidentHandleDataRequest[] = {
    {"attributes", &s115_IncidentHandleAttributesRequest, R, "Incident handle attributes for requests"},
    {"id", &s4_string, N, "The ID of the incident handle (required for PUT requests)"},
    {"relationships", &s121_IncidentHandleRelationshipsRequest, N, "Relationships to associate with an incident handle in a create or update request."},
    {"type", &s122_incidents_handles, R, "Incident handle resource type"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s125_IncidentHandleDataRequest = {DD_T_OBJECT, "IncidentHandleDataRequest", f124_IncidentHandleDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f126_IncidentHandleRequest[] = {
    {"data", &s125_IncidentHandleDataRequest, R, "Data object representing an incident handle in a create or update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s127_IncidentHandleRequest = {DD_T_OBJECT, "IncidentHandleRequest", f126_IncidentHandleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f128_CreateAttachmentRequestDataAttributesAttachment[] = {
    {"documentUrl", &s4_string, N, "The URL of the attachment."},
    {"title", &s4_string, N, "The title of the attachment."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s129_CreateAttachmentRequestDataAttributesAttachment = {DD_T_OBJECT, "CreateAttachmentRequestDataAttributesAttachment", f128_CreateAttachmentRequestDataAttributesAttachment, 0, 0, 0, 0, 0, 0};
static const char *const s130_postmortem_link_enum[] = {"postmortem", "link", NULL};
static const dd_schema s130_postmortem_link = {DD_T_STRING, "\"postmortem\" | \"link\"", 0, 0, 0, s130_postmortem_link_enum, 0, 0, 0};
static const dd_field f132_CreateAttachmentRequestDataAttributes[] = {
    {"attachment", &s129_CreateAttachmentRequestDataAttributesAttachment, N, "The attachment object for creating an attachment."},
    {"attachment_type", &s130_postmortem_link, N, "The type of the attachment."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s133_CreateAttachmentRequestDataAttributes = {DD_T_OBJECT, "CreateAttachmentRequestDataAttributes", f132_CreateAttachmentRequestDataAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s134_incident_attachments_enum[] = {"incident_attachments", NULL};
static const dd_schema s134_incident_attachments = {DD_T_STRING, "\"incident_attachments\"", 0, 0, 0, s134_incident_attachments_enum, 0, 0, 0};
static const dd_field f136_CreateAttachmentRequestData[] = {
    {"attributes", &s133_CreateAttachmentRequestDataAttributes, N, "The attributes for creating an attachment."},
    {"id", &s4_string, N, "The unique identifier of the attachment."},
    {"type", &s134_incident_attachments, R, "The incident attachment resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s137_CreateAttachmentRequestData = {DD_T_OBJECT, "CreateAttachmentRequestData", f136_CreateAttachmentRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f138_CreateAttachmentRequest[] = {
    {"data", &s137_CreateAttachmentRequestData, N, "Attachment data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s139_CreateAttachmentRequest = {DD_T_OBJECT, "CreateAttachmentRequest", f138_CreateAttachmentRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f140_IncidentConfigurationDataAttributesRequest[] = {
    {"execute_integrations", &s36_boolean, N, "Whether to execute integrations for this incident."},
    {"execute_notification_rules", &s36_boolean, N, "Whether to execute notification rules for this incident."},
    {"include_in_analytics", &s36_boolean, N, "Whether to include this incident in analytics."},
    {"include_in_search", &s36_boolean, N, "Whether to include this incident in search results."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s141_IncidentConfigurationDataAttributesRequest = {DD_T_OBJECT, "IncidentConfigurationDataAttributesRequest", f140_IncidentConfigurationDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s142_incidents_configurations_enum[] = {"incidents_configurations", NULL};
static const dd_schema s142_incidents_configurations = {DD_T_STRING, "\"incidents_configurations\"", 0, 0, 0, s142_incidents_configurations_enum, 0, 0, 0};
static const dd_field f144_IncidentConfigurationDataRequest[] = {
    {"attributes", &s141_IncidentConfigurationDataAttributesRequest, N, "Attributes for creating an incident configuration."},
    {"type", &s142_incidents_configurations, R, "Incident configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s145_IncidentConfigurationDataRequest = {DD_T_OBJECT, "IncidentConfigurationDataRequest", f144_IncidentConfigurationDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f146_IncidentConfigurationRequest[] = {
    {"data", &s145_IncidentConfigurationDataRequest, R, "Incident configuration data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s147_IncidentConfigurationRequest = {DD_T_OBJECT, "IncidentConfigurationRequest", f146_IncidentConfigurationRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f148_IncidentGoogleChatConfigurationDataAttributesRequest[] = {
    {"domain_id", &s4_string, R, "The Google Chat domain ID."},
    {"space_name_template", &s4_string, R, "The template for the Google Chat space name."},
    {"space_target_audience_id", &s4_string, R, "The target audience ID for the Google Chat space."},
    {"space_time_zone", &s4_string, R, "The time zone for the Google Chat space."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s149_IncidentGoogleChatConfigurationDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationDataAttributesRequest", f148_IncidentGoogleChatConfigurationDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f150_RelationshipToIncidentTypeData[] = {
    {"id", &s4_string, R, "The incident type's ID."},
    {"type", &s33_incident_types, R, "Incident type resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s151_RelationshipToIncidentTypeData = {DD_T_OBJECT, "RelationshipToIncidentTypeData", f150_RelationshipToIncidentTypeData, 0, 0, 0, 0, 0, 0};
static const dd_field f152_RelationshipToIncidentType[] = {
    {"data", &s151_RelationshipToIncidentTypeData, R, "Relationship to incident type object."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s153_RelationshipToIncidentType = {DD_T_OBJECT, "RelationshipToIncidentType", f152_RelationshipToIncidentType, 0, 0, 0, 0, 0, 0};
static const dd_field f154_IncidentGoogleChatConfigurationRelationshipsRequest[] = {
    {"incident_type", &s153_RelationshipToIncidentType, R, "Relationship to an incident type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s155_IncidentGoogleChatConfigurationRelationshipsRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationRelationshipsRequest", f154_IncidentGoogleChatConfigurationRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s156_google_chat_configuratio_enum[] = {"google_chat_configurations", NULL};
static const dd_schema s156_google_chat_configuratio = {DD_T_STRING, "\"google_chat_configurations\"", 0, 0, 0, s156_google_chat_configuratio_enum, 0, 0, 0};
static const dd_field f158_IncidentGoogleChatConfigurationDataRequest[] = {
    {"attributes", &s149_IncidentGoogleChatConfigurationDataAttributesRequest, R, "Attributes for creating a Google Chat configuration."},
    {"relationships", &s155_IncidentGoogleChatConfigurationRelationshipsRequest, R, "Relationships for a Google Chat configuration create request."},
    {"type", &s156_google_chat_configuratio, R, "Google Chat configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s159_IncidentGoogleChatConfigurationDataRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationDataRequest", f158_IncidentGoogleChatConfigurationDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f160_IncidentGoogleChatConfigurationRequest[] = {
    {"data", &s159_IncidentGoogleChatConfigurationDataRequest, R, "Google Chat configuration data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s161_IncidentGoogleChatConfigurationRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationRequest", f160_IncidentGoogleChatConfigurationRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f162_IncidentGoogleMeetConfigurationDataAttributesRequest[] = {
    {"allow_manual_meeting_creation", &s36_boolean, R, "Whether to allow manual meeting creation."},
    {"auto_summarize", &s36_boolean, R, "Whether to auto-summarize meetings."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s163_IncidentGoogleMeetConfigurationDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationDataAttributesRequest", f162_IncidentGoogleMeetConfigurationDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s164_IncidentGoogleMeetConfigurationRelationshipsRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationRelationshipsRequest", f154_IncidentGoogleChatConfigurationRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s165_google_meet_configuratio_enum[] = {"google_meet_configurations", NULL};
static const dd_schema s165_google_meet_configuratio = {DD_T_STRING, "\"google_meet_configurations\"", 0, 0, 0, s165_google_meet_configuratio_enum, 0, 0, 0};
static const dd_field f167_IncidentGoogleMeetConfigurationDataRequest[] = {
    {"attributes", &s163_IncidentGoogleMeetConfigurationDataAttributesRequest, R, "Attributes for creating a Google Meet configuration."},
    {"relationships", &s164_IncidentGoogleMeetConfigurationRelationshipsRequest, R, "Relationships for a Google Meet configuration create request."},
    {"type", &s165_google_meet_configuratio, R, "Google Meet configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s168_IncidentGoogleMeetConfigurationDataRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationDataRequest", f167_IncidentGoogleMeetConfigurationDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f169_IncidentGoogleMeetConfigurationRequest[] = {
    {"data", &s168_IncidentGoogleMeetConfigurationDataRequest, R, "Google Meet configuration data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s170_IncidentGoogleMeetConfigurationRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationRequest", f169_IncidentGoogleMeetConfigurationRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s171_object = {DD_T_ANY, "object", 0, 0, 0, 0, 0, 0, 0};
static const dd_field f172_IncidentImpactCreateAttributes[] = {
    {"description", &s4_string, R, "Description of the impact."},
    {"end_at", &s23_string_date_time, N, "Timestamp when the impact ended."},
    {"fields", &s171_object, N, "An object mapping impact field names to field values."},
    {"start_at", &s23_string_date_time, R, "Timestamp when the impact started."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s173_IncidentImpactCreateAttributes = {DD_T_OBJECT, "IncidentImpactCreateAttributes", f172_IncidentImpactCreateAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s174_incident_impacts_enum[] = {"incident_impacts", NULL};
static const dd_schema s174_incident_impacts = {DD_T_STRING, "\"incident_impacts\"", 0, 0, 0, s174_incident_impacts_enum, 0, 0, 0};
static const dd_field f176_IncidentImpactCreateData[] = {
    {"attributes", &s173_IncidentImpactCreateAttributes, R, "The incident impact's attributes for a create request."},
    {"type", &s174_incident_impacts, R, "Incident impact resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s177_IncidentImpactCreateData = {DD_T_OBJECT, "IncidentImpactCreateData", f176_IncidentImpactCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f178_IncidentImpactCreateRequest[] = {
    {"data", &s177_IncidentImpactCreateData, R, "Incident impact data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s179_IncidentImpactCreateRequest = {DD_T_OBJECT, "IncidentImpactCreateRequest", f178_IncidentImpactCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f180_IncidentImpactFieldChoice[] = {
    {"description", &s4_string, N, "The description of the choice."},
    {"display_name", &s4_string, R, "The display name of the choice."},
    {"value", &s4_string, R, "The value of the choice."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s181_IncidentImpactFieldChoice = {DD_T_OBJECT, "IncidentImpactFieldChoice", f180_IncidentImpactFieldChoice, 0, 0, 0, 0, 0, 0};
static const dd_schema s182_array_of_IncidentImpactF = {DD_T_ARRAY, "array of IncidentImpactFieldChoice", 0, &s181_IncidentImpactFieldChoice, 0, 0, 0, 0, 0};
static const char *const s183_dropdown_text_textarray__enum[] = {"dropdown", "text", "textarray", "metrictag", "number", "datetime", "multiselect", NULL};
static const dd_schema s183_dropdown_text_textarray_ = {DD_T_STRING, "\"dropdown\" | \"text\" | \"textarray\" | \"metrictag\" | \"number\" | \"datetime\" | \"multiselect\"", 0, 0, 0, s183_dropdown_text_textarray__enum, 0, 0, 0};
static const dd_field f185_IncidentImpactFieldDataAttributesRequest[] = {
    {"display_name", &s4_string, R, "The display name of the impact field."},
    {"field_choices", &s182_array_of_IncidentImpactF, N, "The choices for dropdown or multiselect fields."},
    {"field_type", &s183_dropdown_text_textarray_, R, "The type of an impact field."},
    {"name", &s4_string, R, "The normalized name of the impact field (used as identifier)."},
    {"tag_key", &s4_string, N, "The tag key associated with the field (for metrictag type)."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s186_IncidentImpactFieldDataAttributesRequest = {DD_T_OBJECT, "IncidentImpactFieldDataAttributesRequest", f185_IncidentImpactFieldDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s187_IncidentImpactFieldRelationshipsRequest = {DD_T_OBJECT, "IncidentImpactFieldRelationshipsRequest", f154_IncidentGoogleChatConfigurationRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s188_impact_fields_enum[] = {"impact_fields", NULL};
static const dd_schema s188_impact_fields = {DD_T_STRING, "\"impact_fields\"", 0, 0, 0, s188_impact_fields_enum, 0, 0, 0};
static const dd_field f190_IncidentImpactFieldDataRequest[] = {
    {"attributes", &s186_IncidentImpactFieldDataAttributesRequest, R, "Attributes for creating an impact field."},
    {"relationships", &s187_IncidentImpactFieldRelationshipsRequest, R, "Relationships for an impact field create request."},
    {"type", &s188_impact_fields, R, "Impact field resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s191_IncidentImpactFieldDataRequest = {DD_T_OBJECT, "IncidentImpactFieldDataRequest", f190_IncidentImpactFieldDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f192_IncidentImpactFieldRequest[] = {
    {"data", &s191_IncidentImpactFieldDataRequest, R, "Impact field data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s193_IncidentImpactFieldRequest = {DD_T_OBJECT, "IncidentImpactFieldRequest", f192_IncidentImpactFieldRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f194_IncidentNotificationRuleConditionsItems[] = {
    {"field", &s4_string, R, "The incident field to evaluate"},
    {"values", &s111_array_of_string, R, "The value(s) to compare against."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s195_IncidentNotificationRuleConditionsItems = {DD_T_OBJECT, "IncidentNotificationRuleConditionsItems", f194_IncidentNotificationRuleConditionsItems, 0, 0, 0, 0, 0, 0};
static const dd_schema s196_array_of_IncidentNotific = {DD_T_ARRAY, "array of IncidentNotificationRuleConditionsItems", 0, &s195_IncidentNotificationRuleConditionsItems, 0, 0, 0, 0, 0};
static const char *const s197_all_organization_private_enum[] = {"all", "organization", "private", NULL};
static const dd_schema s197_all_organization_private = {DD_T_STRING, "\"all\" | \"organization\" | \"private\"", 0, 0, 0, s197_all_organization_private_enum, 0, 0, 0};
static const dd_field f199_IncidentNotificationRuleCreateAttributes[] = {
    {"conditions", &s196_array_of_IncidentNotific, R, "The conditions that trigger this notification rule."},
    {"enabled", &s36_boolean, N, "Whether the notification rule is enabled."},
    {"handles", &s111_array_of_string, R, "The notification handles (targets) for this rule."},
    {"renotify_on", &s111_array_of_string, N, "List of incident fields that trigger re-notification when changed."},
    {"trigger", &s4_string, R, "The trigger event for this notification rule."},
    {"visibility", &s197_all_organization_private, N, "The visibility of the notification rule."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s200_IncidentNotificationRuleCreateAttributes = {DD_T_OBJECT, "IncidentNotificationRuleCreateAttributes", f199_IncidentNotificationRuleCreateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_schema s201_string_uuid = {DD_T_STRING, "string (uuid)", 0, 0, 0, 0, 0, 0, 0};
static const char *const s202_notification_templates_enum[] = {"notification_templates", NULL};
static const dd_schema s202_notification_templates = {DD_T_STRING, "\"notification_templates\"", 0, 0, 0, s202_notification_templates_enum, 0, 0, 0};
static const dd_field f204_RelationshipToIncidentNotificationTemplateData[] = {
    {"id", &s201_string_uuid, R, "The unique identifier of the notification template."},
    {"type", &s202_notification_templates, R, "Notification templates resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s205_RelationshipToIncidentNotificationTemplateData = {DD_T_OBJECT, "RelationshipToIncidentNotificationTemplateData", f204_RelationshipToIncidentNotificationTemplateData, 0, 0, 0, 0, 0, 0};
static const dd_field f206_RelationshipToIncidentNotificationTemplate[] = {
    {"data", &s205_RelationshipToIncidentNotificationTemplateData, R, "The notification template relationship data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s207_RelationshipToIncidentNotificationTemplate = {DD_T_OBJECT, "RelationshipToIncidentNotificationTemplate", f206_RelationshipToIncidentNotificationTemplate, 0, 0, 0, 0, 0, 0};
static const dd_field f208_IncidentNotificationRuleCreateDataRelationships[] = {
    {"incident_type", &s153_RelationshipToIncidentType, N, "Relationship to an incident type."},
    {"notification_template", &s207_RelationshipToIncidentNotificationTemplate, N, "A relationship reference to a notification template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s209_IncidentNotificationRuleCreateDataRelationships = {DD_T_OBJECT, "IncidentNotificationRuleCreateDataRelationships", f208_IncidentNotificationRuleCreateDataRelationships, 0, 0, 0, 0, 0, 0};
static const char *const s210_incident_notification_ru_enum[] = {"incident_notification_rules", NULL};
static const dd_schema s210_incident_notification_ru = {DD_T_STRING, "\"incident_notification_rules\"", 0, 0, 0, s210_incident_notification_ru_enum, 0, 0, 0};
static const dd_field f212_IncidentNotificationRuleCreateData[] = {
    {"attributes", &s200_IncidentNotificationRuleCreateAttributes, R, "The attributes for creating a notification rule."},
    {"relationships", &s209_IncidentNotificationRuleCreateDataRelationships, N, "The definition of `NotificationRuleCreateDataRelationships` object."},
    {"type", &s210_incident_notification_ru, R, "Notification rules resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s213_IncidentNotificationRuleCreateData = {DD_T_OBJECT, "IncidentNotificationRuleCreateData", f212_IncidentNotificationRuleCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f214_CreateIncidentNotificationRuleRequest[] = {
    {"data", &s213_IncidentNotificationRuleCreateData, R, "Notification rule data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s215_CreateIncidentNotificationRuleRequest = {DD_T_OBJECT, "CreateIncidentNotificationRuleRequest", f214_CreateIncidentNotificationRuleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f216_IncidentNotificationTemplateCreateAttributes[] = {
    {"category", &s4_string, R, "The category of the notification template."},
    {"content", &s4_string, R, "The content body of the notification template."},
    {"name", &s4_string, R, "The name of the notification template."},
    {"subject", &s4_string, R, "The subject line of the notification template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s217_IncidentNotificationTemplateCreateAttributes = {DD_T_OBJECT, "IncidentNotificationTemplateCreateAttributes", f216_IncidentNotificationTemplateCreateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f218_IncidentNotificationTemplateCreateDataRelationships[] = {
    {"incident_type", &s153_RelationshipToIncidentType, N, "Relationship to an incident type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s219_IncidentNotificationTemplateCreateDataRelationships = {DD_T_OBJECT, "IncidentNotificationTemplateCreateDataRelationships", f218_IncidentNotificationTemplateCreateDataRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f220_IncidentNotificationTemplateCreateData[] = {
    {"attributes", &s217_IncidentNotificationTemplateCreateAttributes, R, "The attributes for creating a notification template."},
    {"relationships", &s219_IncidentNotificationTemplateCreateDataRelationships, N, "The definition of `NotificationTemplateCreateDataRelationships` object."},
    {"type", &s202_notification_templates, R, "Notification templates resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s221_IncidentNotificationTemplateCreateData = {DD_T_OBJECT, "IncidentNotificationTemplateCreateData", f220_IncidentNotificationTemplateCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f222_CreateIncidentNotificationTemplateRequest[] = {
    {"data", &s221_IncidentNotificationTemplateCreateData, R, "Notification template data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s223_CreateIncidentNotificationTemplateRequest = {DD_T_OBJECT, "CreateIncidentNotificationTemplateRequest", f222_CreateIncidentNotificationTemplateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f224_PostmortemCellDefinition[] = {
    {"content", &s4_string, N, "The content of the cell in markdown format"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s225_PostmortemCellDefinition = {DD_T_OBJECT, "PostmortemCellDefinition", f224_PostmortemCellDefinition, 0, 0, 0, 0, 0, 0};
static const dd_field f226_PostmortemCellAttributes[] = {
    {"definition", &s225_PostmortemCellDefinition, N, "Definition of a postmortem cell"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s227_PostmortemCellAttributes = {DD_T_OBJECT, "PostmortemCellAttributes", f226_PostmortemCellAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s228_markdown_enum[] = {"markdown", NULL};
static const dd_schema s228_markdown = {DD_T_STRING, "\"markdown\"", 0, 0, 0, s228_markdown_enum, 0, 0, 0};
static const dd_field f230_PostmortemCell[] = {
    {"attributes", &s227_PostmortemCellAttributes, N, "Attributes of a postmortem cell"},
    {"id", &s4_string, N, "The unique identifier of the cell"},
    {"type", &s228_markdown, N, "The postmortem cell resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s231_PostmortemCell = {DD_T_OBJECT, "PostmortemCell", f230_PostmortemCell, 0, 0, 0, 0, 0, 0};
static const dd_schema s232_array_of_PostmortemCell = {DD_T_ARRAY, "array of PostmortemCell", 0, &s231_PostmortemCell, 0, 0, 0, 0, 0};
static const dd_field f233_PostmortemAttachmentRequestAttributes[] = {
    {"cells", &s232_array_of_PostmortemCell, N, "The cells of the postmortem"},
    {"content", &s4_string, N, "The content of the postmortem"},
    {"postmortem_template_id", &s4_string, N, "The ID of the postmortem template"},
    {"title", &s4_string, N, "The title of the postmortem"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s234_PostmortemAttachmentRequestAttributes = {DD_T_OBJECT, "PostmortemAttachmentRequestAttributes", f233_PostmortemAttachmentRequestAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f235_PostmortemAttachmentRequestData[] = {
    {"attributes", &s234_PostmortemAttachmentRequestAttributes, R, "Postmortem attachment attributes"},
    {"type", &s134_incident_attachments, R, "The incident attachment resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s236_PostmortemAttachmentRequestData = {DD_T_OBJECT, "PostmortemAttachmentRequestData", f235_PostmortemAttachmentRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f237_PostmortemAttachmentRequest[] = {
    {"data", &s236_PostmortemAttachmentRequestData, R, "Postmortem attachment data"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s238_PostmortemAttachmentRequest = {DD_T_OBJECT, "PostmortemAttachmentRequest", f237_PostmortemAttachmentRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f239_ConfluencePostmortemSettings[] = {
    {"account_id", &s4_string, R, "The ID of the Confluence integration account."},
    {"parent_id", &s4_string, N, "The ID of the parent Confluence page under which postmortems are created."},
    {"space_id", &s4_string, R, "The ID of the Confluence space where postmortems are created."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s240_ConfluencePostmortemSettings = {DD_T_OBJECT, "ConfluencePostmortemSettings", f239_ConfluencePostmortemSettings, 0, 0, 0, 0, 0, 0};
static const dd_field f241_GoogleDocsPostmortemSettings[] = {
    {"account_id", &s4_string, R, "The ID of the Google Drive integration account."},
    {"parent_folder_id", &s4_string, R, "The ID of the Google Drive folder where postmortems are created."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s242_GoogleDocsPostmortemSettings = {DD_T_OBJECT, "GoogleDocsPostmortemSettings", f241_GoogleDocsPostmortemSettings, 0, 0, 0, 0, 0, 0};
static const char *const s243_datadog_notebooks_conflu_enum[] = {"datadog_notebooks", "confluence", "google_docs", NULL};
static const dd_schema s243_datadog_notebooks_conflu = {DD_T_STRING, "\"datadog_notebooks\" | \"confluence\" | \"google_docs\"", 0, 0, 0, s243_datadog_notebooks_conflu_enum, 0, 0, 0};
static const dd_field f245_PostmortemTemplateAttributesRequest[] = {
    {"confluence_postmortem_settings", &s240_ConfluencePostmortemSettings, N, "Settings for a postmortem template stored in Confluence."},
    {"content", &s4_string, N, "The templated content of the postmortem, supporting Markdown and incident template variables."},
    {"google_docs_postmortem_settings", &s242_GoogleDocsPostmortemSettings, N, "Settings for a postmortem template stored in Google Docs."},
    {"is_default", &s23_string_date_time, N, "When set, marks this template as a default."},
    {"location", &s243_datadog_notebooks_conflu, N, "The location where the postmortem is created and stored."},
    {"name", &s4_string, R, "The name of the template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s246_PostmortemTemplateAttributesRequest = {DD_T_OBJECT, "PostmortemTemplateAttributesRequest", f245_PostmortemTemplateAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f247_PostmortemTemplateIncidentTypeRelationshipData[] = {
    {"id", &s201_string_uuid, R, "The incident type identifier."},
    {"type", &s4_string, R, "The incident type resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s248_PostmortemTemplateIncidentTypeRelationshipData = {DD_T_OBJECT, "PostmortemTemplateIncidentTypeRelationshipData", f247_PostmortemTemplateIncidentTypeRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f249_PostmortemTemplateIncidentTypeRelationship[] = {
    {"data", &s248_PostmortemTemplateIncidentTypeRelationshipData, R, "Incident type relationship data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s250_PostmortemTemplateIncidentTypeRelationship = {DD_T_OBJECT, "PostmortemTemplateIncidentTypeRelationship", f249_PostmortemTemplateIncidentTypeRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f251_PostmortemTemplateCreateRelationships[] = {
    {"incident_type", &s250_PostmortemTemplateIncidentTypeRelationship, N, "Relationship to the incident type this template belongs to."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s252_PostmortemTemplateCreateRelationships = {DD_T_OBJECT, "PostmortemTemplateCreateRelationships", f251_PostmortemTemplateCreateRelationships, 0, 0, 0, 0, 0, 0};
static const char *const s253_postmortem_templates_pos_enum[] = {"postmortem_templates", "postmortem_template", NULL};
static const dd_schema s253_postmortem_templates_pos = {DD_T_STRING, "\"postmortem_templates\" | \"postmortem_template\"", 0, 0, 0, s253_postmortem_templates_pos_enum, 0, 0, 0};
static const dd_field f255_PostmortemTemplateDataRequest[] = {
    {"attributes", &s246_PostmortemTemplateAttributesRequest, R, "Attributes for creating or updating a postmortem template."},
    {"id", &s4_string, N, "The ID of the template."},
    {"relationships", &s252_PostmortemTemplateCreateRelationships, N, "Relationships for a postmortem template."},
    {"type", &s253_postmortem_templates_pos, R, "Postmortem template resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s256_PostmortemTemplateDataRequest = {DD_T_OBJECT, "PostmortemTemplateDataRequest", f255_PostmortemTemplateDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f257_PostmortemTemplateRequest[] = {
    {"data", &s256_PostmortemTemplateDataRequest, R, "Data object for creating or updating a postmortem template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s258_PostmortemTemplateRequest = {DD_T_OBJECT, "PostmortemTemplateRequest", f257_PostmortemTemplateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f259_IncidentResponderUserRelationshipData[] = {
    {"id", &s201_string_uuid, R, "The user identifier."},
    {"type", &s4_string, R, "The user resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s260_IncidentResponderUserRelationshipData = {DD_T_OBJECT, "IncidentResponderUserRelationshipData", f259_IncidentResponderUserRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f261_IncidentResponderUserRelationship[] = {
    {"data", &s260_IncidentResponderUserRelationshipData, R, "A user relationship data object for creating a responder."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s262_IncidentResponderUserRelationship = {DD_T_OBJECT, "IncidentResponderUserRelationship", f261_IncidentResponderUserRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f263_IncidentResponderRelationshipsRequest[] = {
    {"user", &s262_IncidentResponderUserRelationship, R, "Relationship to a user for a responder create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s264_IncidentResponderRelationshipsRequest = {DD_T_OBJECT, "IncidentResponderRelationshipsRequest", f263_IncidentResponderRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s265_incident_responders_enum[] = {"incident_responders", NULL};
static const dd_schema s265_incident_responders = {DD_T_STRING, "\"incident_responders\"", 0, 0, 0, s265_incident_responders_enum, 0, 0, 0};
static const dd_field f267_IncidentResponderDataRequest[] = {
    {"relationships", &s264_IncidentResponderRelationshipsRequest, R, "Relationships for creating an incident responder."},
    {"type", &s265_incident_responders, R, "Incident responder resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s268_IncidentResponderDataRequest = {DD_T_OBJECT, "IncidentResponderDataRequest", f267_IncidentResponderDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f269_IncidentResponderRequest[] = {
    {"data", &s268_IncidentResponderDataRequest, R, "Incident responder data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s270_IncidentResponderRequest = {DD_T_OBJECT, "IncidentResponderRequest", f269_IncidentResponderRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f271_IncidentRuleQueryCondition[] = {
    {"normalized_query", &s4_string, N, "The normalized query string."},
    {"raw_query", &s4_string, N, "The raw query string."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s272_IncidentRuleQueryCondition = {DD_T_OBJECT, "IncidentRuleQueryCondition", f271_IncidentRuleQueryCondition, 0, 0, 0, 0, 0, 0};
static const dd_schema s273_int64 = {DD_T_INT32, "int64", 0, 0, 0, 0, INT64_LO, INT64_HI, 0};
static const dd_field f274_IncidentRuleCondition[] = {
    {"field", &s4_string, R, "The field to match on."},
    {"values", &s111_array_of_string, R, "The values to match."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s275_IncidentRuleCondition = {DD_T_OBJECT, "IncidentRuleCondition", f274_IncidentRuleCondition, 0, 0, 0, 0, 0, 0};
static const dd_schema s276_array_of_IncidentRuleCon = {DD_T_ARRAY, "array of IncidentRuleCondition", 0, &s275_IncidentRuleCondition, 0, 0, 0, 0, 0};
static const dd_schema s277_integer_1_to_2 = {DD_T_INT32, "integer 1 to 2", 0, 0, 0, 0, 1, 2, 0};
static const char *const s278_jira_create_issue_job_no_enum[] = {"jira-create-issue-job", "notify-incident-handles-job", "servicenow-create-incident-job", "slack-create-channel-job", "zoom-create-meeting-job", "google-meet-create-meeting-job", "workflow-automation-job", "ms-teams-create-meeting-job", "google-chat-create-space-job", "zoom-suppress-summarization-job", "ms-teams-suppress-summarization-job", "google-meet-suppress-summarization-job", NULL};
static const dd_schema s278_jira_create_issue_job_no = {DD_T_STRING, "\"jira-create-issue-job\" | \"notify-incident-handles-job\" | \"servicenow-create-incident-job\" | \"slack-create-channel-job\" | \"zoom-create-meeting-job\" | \"google-meet-create-meeting-job\" | \"workflow-automation-job\" | \"ms-teams-create-meeting-job\" | \"google-chat-create-space-job\" | \"zoom-suppress-summarization-job\" | \"ms-teams-suppress-summarization-job\" | \"google-meet-suppress-summarization-job\"", 0, 0, 0, s278_jira_create_issue_job_no_enum, 0, 0, 0};
static const char *const s280_incident_saved_trigger_i_enum[] = {"incident_saved_trigger", "incident_created_trigger", "incident_modified_trigger", NULL};
static const dd_schema s280_incident_saved_trigger_i = {DD_T_STRING, "\"incident_saved_trigger\" | \"incident_created_trigger\" | \"incident_modified_trigger\"", 0, 0, 0, s280_incident_saved_trigger_i_enum, 0, 0, 0};
static const dd_field f282_IncidentRuleDataAttributesRequest[] = {
    {"condition", &s272_IncidentRuleQueryCondition, R, "A query-based condition for an incident rule."},
    {"condition_table_type", &s273_int64, R, "The condition table type."},
    {"conditions", &s276_array_of_IncidentRuleCon, N, "List of field-based conditions."},
    {"enabled", &s36_boolean, R, "Whether the rule is enabled."},
    {"execution_type", &s277_integer_1_to_2, R, "The execution type of an incident rule."},
    {"incident_type_uuid", &s201_string_uuid, N, "The UUID of the incident type this rule applies to."},
    {"match_any_condition", &s36_boolean, N, "Whether any condition (OR logic) should match instead of all (AND logic)."},
    {"task_id", &s278_jira_create_issue_job_no, R, "The task ID for an incident rule."},
    {"task_payload", &s4_string, R, "The JSON-encoded payload for the task."},
    {"trigger", &s280_incident_saved_trigger_i, N, "The trigger event for an incident rule."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s283_IncidentRuleDataAttributesRequest = {DD_T_OBJECT, "IncidentRuleDataAttributesRequest", f282_IncidentRuleDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s284_incident_rules_enum[] = {"incident_rules", NULL};
static const dd_schema s284_incident_rules = {DD_T_STRING, "\"incident_rules\"", 0, 0, 0, s284_incident_rules_enum, 0, 0, 0};
static const dd_field f286_IncidentRuleDataRequest[] = {
    {"attributes", &s283_IncidentRuleDataAttributesRequest, R, "Attributes for creating an incident rule."},
    {"type", &s284_incident_rules, R, "Incident rule resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s287_IncidentRuleDataRequest = {DD_T_OBJECT, "IncidentRuleDataRequest", f286_IncidentRuleDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f288_IncidentRuleRequest[] = {
    {"data", &s287_IncidentRuleDataRequest, R, "Incident rule data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s289_IncidentRuleRequest = {DD_T_OBJECT, "IncidentRuleRequest", f288_IncidentRuleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f290_IncidentServiceNowRecordDataAttributesRequest[] = {
    {"assignment_group", &s4_string, R, "The ServiceNow assignment group."},
    {"configuration_item_mapping", &s4_string, R, "The ServiceNow configuration item mapping."},
    {"instance_name", &s4_string, R, "The ServiceNow instance name."},
    {"record_id", &s4_string, N, "An existing ServiceNow record ID (Sys ID) to link instead of creating a new record."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s291_IncidentServiceNowRecordDataAttributesRequest = {DD_T_OBJECT, "IncidentServiceNowRecordDataAttributesRequest", f290_IncidentServiceNowRecordDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s292_incident_servicenow_reco_enum[] = {"incident_servicenow_record_prompt", NULL};
static const dd_schema s292_incident_servicenow_reco = {DD_T_STRING, "\"incident_servicenow_record_prompt\"", 0, 0, 0, s292_incident_servicenow_reco_enum, 0, 0, 0};
static const dd_field f294_IncidentServiceNowRecordDataRequest[] = {
    {"attributes", &s291_IncidentServiceNowRecordDataAttributesRequest, R, "Attributes for creating a ServiceNow record for an incident."},
    {"type", &s292_incident_servicenow_reco, R, "ServiceNow record prompt resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s295_IncidentServiceNowRecordDataRequest = {DD_T_OBJECT, "IncidentServiceNowRecordDataRequest", f294_IncidentServiceNowRecordDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f296_IncidentServiceNowRecordRequest[] = {
    {"data", &s295_IncidentServiceNowRecordDataRequest, R, "ServiceNow record data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s297_IncidentServiceNowRecordRequest = {DD_T_OBJECT, "IncidentServiceNowRecordRequest", f296_IncidentServiceNowRecordRequest, 0, 0, 0, 0, 0, 0};
static const char *const s298_slack_microsoft_teams_enum[] = {"slack", "microsoft_teams", NULL};
static const dd_schema s298_slack_microsoft_teams = {DD_T_STRING, "\"slack\" | \"microsoft_teams\"", 0, 0, 0, s298_slack_microsoft_teams_enum, 0, 0, 0};
static const dd_field f300_IncidentTodoAnonymousAssignee[] = {
    {"icon", &s4_string, R, "URL for assignee's icon."},
    {"id", &s4_string, R, "Anonymous assignee's ID."},
    {"name", &s4_string, R, "Assignee's name."},
    {"source", &s298_slack_microsoft_teams, R, "The source of the anonymous assignee."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s301_IncidentTodoAnonymousAssignee = {DD_T_OBJECT, "IncidentTodoAnonymousAssignee", f300_IncidentTodoAnonymousAssignee, 0, 0, 0, 0, 0, 0};
static const dd_schema *const u302_IncidentTodoAssignee[] = {&s4_string, &s301_IncidentTodoAnonymousAssignee, NULL};
static const dd_schema s303_IncidentTodoAssignee = {DD_T_UNION, "string | IncidentTodoAnonymousAssignee", 0, 0, u302_IncidentTodoAssignee, 0, 0, 0, 0};
static const dd_schema s304_array_of_string_Incident = {DD_T_ARRAY, "array of string | IncidentTodoAnonymousAssignee", 0, &s303_IncidentTodoAssignee, 0, 0, 0, 0, 0};
static const dd_field f305_IncidentTodoAttributes[] = {
    {"assignees", &s304_array_of_string_Incident, R, "Array of todo assignees."},
    {"completed", &s4_string, N, "Timestamp when the todo was completed."},
    {"content", &s4_string, R, "The follow-up task's content."},
    {"created", &s23_string_date_time, N, "Timestamp when the incident todo was created."},
    {"due_date", &s4_string, N, "Timestamp when the todo should be completed by."},
    {"incident_id", &s4_string, N, "UUID of the incident this todo is connected to."},
    {"modified", &s23_string_date_time, N, "Timestamp when the incident todo was last modified."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s306_IncidentTodoAttributes = {DD_T_OBJECT, "IncidentTodoAttributes", f305_IncidentTodoAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s307_incident_todos_enum[] = {"incident_todos", NULL};
static const dd_schema s307_incident_todos = {DD_T_STRING, "\"incident_todos\"", 0, 0, 0, s307_incident_todos_enum, 0, 0, 0};
static const dd_field f309_IncidentTodoCreateData[] = {
    {"attributes", &s306_IncidentTodoAttributes, R, "Incident todo's attributes."},
    {"type", &s307_incident_todos, R, "Todo resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s310_IncidentTodoCreateData = {DD_T_OBJECT, "IncidentTodoCreateData", f309_IncidentTodoCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f311_IncidentTodoCreateRequest[] = {
    {"data", &s310_IncidentTodoCreateData, R, "Incident todo data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s312_IncidentTodoCreateRequest = {DD_T_OBJECT, "IncidentTodoCreateRequest", f311_IncidentTodoCreateRequest, 0, 0, 0, 0, 0, 0};
static const char *const s313_what_happened_why_it_hap_enum[] = {"what_happened", "why_it_happened", NULL};
static const dd_schema s313_what_happened_why_it_hap = {DD_T_STRING, "\"what_happened\" | \"why_it_happened\"", 0, 0, 0, s313_what_happened_why_it_hap_enum, 0, 0, 0};
static const char *const s315_active_stable_resolved_c_enum[] = {"active", "stable", "resolved", "completed", NULL};
static const dd_schema s315_active_stable_resolved_c = {DD_T_STRING, "\"active\" | \"stable\" | \"resolved\" | \"completed\"", 0, 0, 0, s315_active_stable_resolved_c_enum, 0, 0, 0};
static const dd_schema s317_integer_1_to_8 = {DD_T_INT32, "integer 1 to 8", 0, 0, 0, 0, 1, 8, 0};
static const dd_field f318_IncidentUserDefinedFieldValidValue[] = {
    {"description", &s4_string, N, "A detailed description of the valid value."},
    {"display_name", &s4_string, R, "The human-readable display name for this value."},
    {"short_description", &s4_string, N, "A short description of the valid value."},
    {"value", &s4_string, R, "The identifier that is stored when this option is selected."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s319_IncidentUserDefinedFieldValidValue = {DD_T_OBJECT, "IncidentUserDefinedFieldValidValue", f318_IncidentUserDefinedFieldValidValue, 0, 0, 0, 0, 0, 0};
static const dd_schema s320_array_of_IncidentUserDef = {DD_T_ARRAY, "array of IncidentUserDefinedFieldValidValue", 0, &s319_IncidentUserDefinedFieldValidValue, 0, 0, 0, 0, 0};
static const dd_field f321_IncidentUserDefinedFieldAttributesCreateRequest[] = {
    {"category", &s313_what_happened_why_it_hap, N, "The section in which the field appears: \"what_happened\" or \"why_it_happened\"."},
    {"collected", &s315_active_stable_resolved_c, N, "The lifecycle stage at which the app prompts users to fill out this field."},
    {"default_value", &s4_string, N, "The default value for the field."},
    {"display_name", &s4_string, N, "The human-readable name shown in the UI."},
    {"name", &s4_string, R, "The unique identifier of the field."},
    {"ordinal", &s4_string, N, "A decimal string representing the field's display order in the UI."},
    {"required", &s36_boolean, N, "When true, users must fill out this field on incidents."},
    {"tag_key", &s4_string, N, "For metric tag-type fields only, the metric tag key that powers the autocomplete options."},
    {"type", &s317_integer_1_to_8, R, "The data type of the field."},
    {"valid_values", &s320_array_of_IncidentUserDef, N, "The list of allowed values for dropdown and multiselect fields."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s322_IncidentUserDefinedFieldAttributesCreateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldAttributesCreateRequest", f321_IncidentUserDefinedFieldAttributesCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s323_IncidentUserDefinedFieldCreateRelationships = {DD_T_OBJECT, "IncidentUserDefinedFieldCreateRelationships", f154_IncidentGoogleChatConfigurationRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s324_user_defined_field_enum[] = {"user_defined_field", NULL};
static const dd_schema s324_user_defined_field = {DD_T_STRING, "\"user_defined_field\"", 0, 0, 0, s324_user_defined_field_enum, 0, 0, 0};
static const dd_field f326_IncidentUserDefinedFieldCreateData[] = {
    {"attributes", &s322_IncidentUserDefinedFieldAttributesCreateRequest, R, "Attributes for creating an incident user-defined field."},
    {"relationships", &s323_IncidentUserDefinedFieldCreateRelationships, R, "Relationships for creating an incident user-defined field."},
    {"type", &s324_user_defined_field, R, "The incident user defined fields type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s327_IncidentUserDefinedFieldCreateData = {DD_T_OBJECT, "IncidentUserDefinedFieldCreateData", f326_IncidentUserDefinedFieldCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f328_IncidentUserDefinedFieldCreateRequest[] = {
    {"data", &s327_IncidentUserDefinedFieldCreateData, R, "Data for creating an incident user-defined field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s329_IncidentUserDefinedFieldCreateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldCreateRequest", f328_IncidentUserDefinedFieldCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f330_IncidentUserDefinedRolePolicy[] = {
    {"is_single", &s36_boolean, R, "Whether this role can only be assigned to one responder at a time."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s331_IncidentUserDefinedRolePolicy = {DD_T_OBJECT, "IncidentUserDefinedRolePolicy", f330_IncidentUserDefinedRolePolicy, 0, 0, 0, 0, 0, 0};
static const dd_field f332_IncidentUserDefinedRoleDataAttributesRequest[] = {
    {"description", &s4_string, N, "A description of the user-defined role."},
    {"name", &s4_string, R, "The name of the user-defined role."},
    {"policy", &s331_IncidentUserDefinedRolePolicy, N, "Policy configuration for a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s333_IncidentUserDefinedRoleDataAttributesRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleDataAttributesRequest", f332_IncidentUserDefinedRoleDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f334_IncidentUserDefinedRoleIncidentTypeRelationshipData[] = {
    {"id", &s201_string_uuid, R, "The ID of the incident type."},
    {"type", &s4_string, R, "The type of the resource."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s335_IncidentUserDefinedRoleIncidentTypeRelationshipData = {DD_T_OBJECT, "IncidentUserDefinedRoleIncidentTypeRelationshipData", f334_IncidentUserDefinedRoleIncidentTypeRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f336_IncidentUserDefinedRoleIncidentTypeRelationship[] = {
    {"data", &s335_IncidentUserDefinedRoleIncidentTypeRelationshipData, R, "Data for the incident type relationship of a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s337_IncidentUserDefinedRoleIncidentTypeRelationship = {DD_T_OBJECT, "IncidentUserDefinedRoleIncidentTypeRelationship", f336_IncidentUserDefinedRoleIncidentTypeRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f338_IncidentUserDefinedRoleRelationshipsRequest[] = {
    {"incident_type", &s337_IncidentUserDefinedRoleIncidentTypeRelationship, R, "Relationship to an incident type for a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s339_IncidentUserDefinedRoleRelationshipsRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleRelationshipsRequest", f338_IncidentUserDefinedRoleRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s340_incident_user_defined_ro_enum[] = {"incident_user_defined_roles", NULL};
static const dd_schema s340_incident_user_defined_ro = {DD_T_STRING, "\"incident_user_defined_roles\"", 0, 0, 0, s340_incident_user_defined_ro_enum, 0, 0, 0};
static const dd_field f342_IncidentUserDefinedRoleDataRequest[] = {
    {"attributes", &s333_IncidentUserDefinedRoleDataAttributesRequest, R, "Attributes for creating an incident user-defined role."},
    {"relationships", &s339_IncidentUserDefinedRoleRelationshipsRequest, R, "Relationships for creating a user-defined role."},
    {"type", &s340_incident_user_defined_ro, R, "Incident user-defined role resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s343_IncidentUserDefinedRoleDataRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleDataRequest", f342_IncidentUserDefinedRoleDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f344_IncidentUserDefinedRoleRequest[] = {
    {"data", &s343_IncidentUserDefinedRoleDataRequest, R, "Data for creating an incident user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s345_IncidentUserDefinedRoleRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleRequest", f344_IncidentUserDefinedRoleRequest, 0, 0, 0, 0, 0, 0};
static const char *const s346_incident_user_defined_ro_enum[] = {"incident_user_defined_roles", "incident_reserved_roles", NULL};
static const dd_schema s346_incident_user_defined_ro = {DD_T_STRING, "\"incident_user_defined_roles\" | \"incident_reserved_roles\"", 0, 0, 0, s346_incident_user_defined_ro_enum, 0, 0, 0};
static const dd_field f348_IncidentPageRoleReference[] = {
    {"id", &s201_string_uuid, R, "The role identifier."},
    {"type", &s346_incident_user_defined_ro, R, "The type of incident role for a page."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s349_IncidentPageRoleReference = {DD_T_OBJECT, "IncidentPageRoleReference", f348_IncidentPageRoleReference, 0, 0, 0, 0, 0, 0};
static const char *const s350_team_handle_team_uuid_us_enum[] = {"team_handle", "team_uuid", "user_uuid", NULL};
static const dd_schema s350_team_handle_team_uuid_us = {DD_T_STRING, "\"team_handle\" | \"team_uuid\" | \"user_uuid\"", 0, 0, 0, s350_team_handle_team_uuid_us_enum, 0, 0, 0};
static const dd_field f352_IncidentPageTarget[] = {
    {"identifier", &s4_string, R, "The identifier of the target (handle, UUID, or user UUID)."},
    {"type", &s350_team_handle_team_uuid_us, R, "The type of target for a page request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s353_IncidentPageTarget = {DD_T_OBJECT, "IncidentPageTarget", f352_IncidentPageTarget, 0, 0, 0, 0, 0, 0};
static const dd_field f354_IncidentCreateOnCallPageDataAttributesRequest[] = {
    {"description", &s4_string, N, "The description of the page."},
    {"role", &s349_IncidentPageRoleReference, N, "A reference to an incident role for a page."},
    {"services", &s111_array_of_string, N, "List of affected services."},
    {"tags", &s111_array_of_string, N, "List of tags for the page."},
    {"target", &s353_IncidentPageTarget, N, "The target recipient for a page."},
    {"title", &s4_string, N, "The title of the page."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s355_IncidentCreateOnCallPageDataAttributesRequest = {DD_T_OBJECT, "IncidentCreateOnCallPageDataAttributesRequest", f354_IncidentCreateOnCallPageDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s356_page_enum[] = {"page", NULL};
static const dd_schema s356_page = {DD_T_STRING, "\"page\"", 0, 0, 0, s356_page_enum, 0, 0, 0};
static const dd_field f358_IncidentCreateOnCallPageDataRequest[] = {
    {"attributes", &s355_IncidentCreateOnCallPageDataAttributesRequest, R, "Attributes for creating an on-call page from an incident."},
    {"type", &s356_page, R, "Resource type for a page creation request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s359_IncidentCreateOnCallPageDataRequest = {DD_T_OBJECT, "IncidentCreateOnCallPageDataRequest", f358_IncidentCreateOnCallPageDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f360_IncidentCreateOnCallPageRequest[] = {
    {"data", &s359_IncidentCreateOnCallPageDataRequest, R, "On-call page data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s361_IncidentCreateOnCallPageRequest = {DD_T_OBJECT, "IncidentCreateOnCallPageRequest", f360_IncidentCreateOnCallPageRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f362_IncidentCreatePageFromIncidentDataAttributesRequest[] = {
    {"description", &s4_string, N, "The description of the page."},
    {"incident_public_id", &s4_string, N, "The public ID of the incident."},
    {"role", &s349_IncidentPageRoleReference, N, "A reference to an incident role for a page."},
    {"services", &s111_array_of_string, N, "List of affected services."},
    {"tags", &s111_array_of_string, N, "List of tags for the page."},
    {"target", &s353_IncidentPageTarget, N, "The target recipient for a page."},
    {"title", &s4_string, N, "The title of the page."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s363_IncidentCreatePageFromIncidentDataAttributesRequest = {DD_T_OBJECT, "IncidentCreatePageFromIncidentDataAttributesRequest", f362_IncidentCreatePageFromIncidentDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f364_IncidentCreatePageFromIncidentDataRequest[] = {
    {"attributes", &s363_IncidentCreatePageFromIncidentDataAttributesRequest, R, "Attributes for creating a page from an incident."},
    {"type", &s356_page, R, "Resource type for a page creation request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s365_IncidentCreatePageFromIncidentDataRequest = {DD_T_OBJECT, "IncidentCreatePageFromIncidentDataRequest", f364_IncidentCreatePageFromIncidentDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f366_IncidentCreatePageFromIncidentRequest[] = {
    {"data", &s365_IncidentCreatePageFromIncidentDataRequest, R, "Page data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s367_IncidentCreatePageFromIncidentRequest = {DD_T_OBJECT, "IncidentCreatePageFromIncidentRequest", f366_IncidentCreatePageFromIncidentRequest, 0, 0, 0, 0, 0, 0};
static const char *const s368_detected_resolved_declar_enum[] = {"detected", "resolved", "declared", NULL};
static const dd_schema s368_detected_resolved_declar = {DD_T_STRING, "\"detected\" | \"resolved\" | \"declared\"", 0, 0, 0, s368_detected_resolved_declar_enum, 0, 0, 0};
static const dd_field f370_IncidentTimestampOverrideDataAttributesRequest[] = {
    {"timestamp_type", &s368_detected_resolved_declar, R, "The type of timestamp to override."},
    {"timestamp_value", &s23_string_date_time, R, "The overridden timestamp value."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s371_IncidentTimestampOverrideDataAttributesRequest = {DD_T_OBJECT, "IncidentTimestampOverrideDataAttributesRequest", f370_IncidentTimestampOverrideDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s372_incidents_timestamp_over_enum[] = {"incidents_timestamp_overrides", NULL};
static const dd_schema s372_incidents_timestamp_over = {DD_T_STRING, "\"incidents_timestamp_overrides\"", 0, 0, 0, s372_incidents_timestamp_over_enum, 0, 0, 0};
static const dd_field f374_IncidentTimestampOverrideDataRequest[] = {
    {"attributes", &s371_IncidentTimestampOverrideDataAttributesRequest, R, "Attributes for creating a timestamp override."},
    {"type", &s372_incidents_timestamp_over, R, "Incident timestamp override resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s375_IncidentTimestampOverrideDataRequest = {DD_T_OBJECT, "IncidentTimestampOverrideDataRequest", f374_IncidentTimestampOverrideDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f376_IncidentTimestampOverrideRequest[] = {
    {"data", &s375_IncidentTimestampOverrideDataRequest, R, "Timestamp override data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s377_IncidentTimestampOverrideRequest = {DD_T_OBJECT, "IncidentTimestampOverrideRequest", f376_IncidentTimestampOverrideRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f378_IncidentImportFieldAttributesSingleValue[] = {
    {"value", &s4_string, N, "The single value selected for this field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s379_IncidentImportFieldAttributesSingleValue = {DD_T_OBJECT, "IncidentImportFieldAttributesSingleValue", f378_IncidentImportFieldAttributesSingleValue, 0, 0, 0, 0, 0, 0};
static const dd_field f380_IncidentImportFieldAttributesMultipleValue[] = {
    {"value", &s111_array_of_string, N, "The multiple values selected for this field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s381_IncidentImportFieldAttributesMultipleValue = {DD_T_OBJECT, "IncidentImportFieldAttributesMultipleValue", f380_IncidentImportFieldAttributesMultipleValue, 0, 0, 0, 0, 0, 0};
static const dd_schema *const u382_IncidentImportFieldAttributes[] = {&s379_IncidentImportFieldAttributesSingleValue, &s381_IncidentImportFieldAttributesMultipleValue, NULL};
static const dd_schema s383_IncidentImportFieldAttributes = {DD_T_UNION, "IncidentImportFieldAttributesSingleValue | IncidentImportFieldAttributesMultipleValue", 0, 0, u382_IncidentImportFieldAttributes, 0, 0, 0, 0};
static const dd_schema s384_map_of_IncidentImportFie = {DD_T_MAP, "map of IncidentImportFieldAttributesSingleValue | IncidentImportFieldAttributesMultipleValue", 0, &s383_IncidentImportFieldAttributes, 0, 0, 0, 0, 0};
static const char *const s385_organization_private_enum[] = {"organization", "private", NULL};
static const dd_schema s385_organization_private = {DD_T_STRING, "\"organization\" | \"private\"", 0, 0, 0, s385_organization_private_enum, 0, 0, 0};
static const dd_field f387_IncidentImportRequestAttributes[] = {
    {"declared", &s23_string_date_time, N, "Timestamp when the incident was declared."},
    {"detected", &s23_string_date_time, N, "Timestamp when the incident was detected."},
    {"fields", &s384_map_of_IncidentImportFie, N, "A condensed view of the user-defined fields for which to create initial selections."},
    {"incident_type_uuid", &s4_string, N, "A unique identifier that represents the incident type."},
    {"resolved", &s23_string_date_time, N, "Timestamp when the incident was resolved."},
    {"title", &s4_string, R, "The title of the incident that summarizes what happened."},
    {"visibility", &s385_organization_private, N, "The visibility of the incident."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s388_IncidentImportRequestAttributes = {DD_T_OBJECT, "IncidentImportRequestAttributes", f387_IncidentImportRequestAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f389_IncidentImportRelationships[] = {
    {"commander_user", &s85_NullableRelationshipToUser, N, "Relationship to user."},
    {"declared_by_user", &s85_NullableRelationshipToUser, N, "Relationship to user."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s390_IncidentImportRelationships = {DD_T_OBJECT, "IncidentImportRelationships", f389_IncidentImportRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f391_IncidentImportRequestData[] = {
    {"attributes", &s388_IncidentImportRequestAttributes, R, "The incident's attributes for an import request."},
    {"relationships", &s390_IncidentImportRelationships, N, "The relationships for an incident import request."},
    {"type", &s75_incidents, R, "Incident resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s392_IncidentImportRequestData = {DD_T_OBJECT, "IncidentImportRequestData", f391_IncidentImportRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f393_IncidentImportRequest[] = {
    {"data", &s392_IncidentImportRequestData, R, "Incident data for an import request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s394_IncidentImportRequest = {DD_T_OBJECT, "IncidentImportRequest", f393_IncidentImportRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f395_IncidentOnCallPageTarget[] = {
    {"identifier", &s4_string, R, "The identifier of the page target."},
    {"type", &s4_string, R, "The type of the page target."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s396_IncidentOnCallPageTarget = {DD_T_OBJECT, "IncidentOnCallPageTarget", f395_IncidentOnCallPageTarget, 0, 0, 0, 0, 0, 0};
static const dd_field f397_IncidentOnCallPageDataAttributesRequest[] = {
    {"key", &s4_string, N, "The key of the on-call page."},
    {"page_target", &s396_IncidentOnCallPageTarget, N, "The target of an on-call page."},
    {"team_id", &s4_string, N, "The team ID associated with the page (deprecated, use page_target instead)."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s398_IncidentOnCallPageDataAttributesRequest = {DD_T_OBJECT, "IncidentOnCallPageDataAttributesRequest", f397_IncidentOnCallPageDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f399_IncidentOnCallPageDataRequest[] = {
    {"attributes", &s398_IncidentOnCallPageDataAttributesRequest, N, "Attributes for linking a page to an incident."},
    {"id", &s4_string, R, "The ID of the on-call page to link."},
    {"type", &s356_page, R, "On-call page resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s400_IncidentOnCallPageDataRequest = {DD_T_OBJECT, "IncidentOnCallPageDataRequest", f399_IncidentOnCallPageDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f401_IncidentOnCallPageLinkRequest[] = {
    {"data", &s400_IncidentOnCallPageDataRequest, R, "On-call page data in a link request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s402_IncidentOnCallPageLinkRequest = {DD_T_OBJECT, "IncidentOnCallPageLinkRequest", f401_IncidentOnCallPageLinkRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f403_IncidentImpactPatchAttributes[] = {
    {"description", &s4_string, N, "Description of the impact."},
    {"end_at", &s23_string_date_time, N, "Timestamp when the impact ended."},
    {"fields", &s171_object, N, "An object mapping impact field names to field values."},
    {"start_at", &s23_string_date_time, N, "Timestamp when the impact started."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s404_IncidentImpactPatchAttributes = {DD_T_OBJECT, "IncidentImpactPatchAttributes", f403_IncidentImpactPatchAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f405_IncidentImpactPatchData[] = {
    {"attributes", &s404_IncidentImpactPatchAttributes, N, "The incident impact's attributes for a patch request."},
    {"type", &s174_incident_impacts, R, "Incident impact resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s406_IncidentImpactPatchData = {DD_T_OBJECT, "IncidentImpactPatchData", f405_IncidentImpactPatchData, 0, 0, 0, 0, 0, 0};
static const dd_field f407_IncidentImpactPatchRequest[] = {
    {"data", &s406_IncidentImpactPatchData, R, "Incident impact data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s408_IncidentImpactPatchRequest = {DD_T_OBJECT, "IncidentImpactPatchRequest", f407_IncidentImpactPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f409_GlobalIncidentSettingsAttributesRequest[] = {
    {"analytics_dashboard_id", &s4_string, N, "The analytics dashboard ID"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s410_GlobalIncidentSettingsAttributesRequest = {DD_T_OBJECT, "GlobalIncidentSettingsAttributesRequest", f409_GlobalIncidentSettingsAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s411_incidents_global_setting_enum[] = {"incidents_global_settings", NULL};
static const dd_schema s411_incidents_global_setting = {DD_T_STRING, "\"incidents_global_settings\"", 0, 0, 0, s411_incidents_global_setting_enum, 0, 0, 0};
static const dd_field f413_GlobalIncidentSettingsDataRequest[] = {
    {"attributes", &s410_GlobalIncidentSettingsAttributesRequest, N, "Global incident settings attributes"},
    {"type", &s411_incidents_global_setting, R, "Global incident settings resource type"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s414_GlobalIncidentSettingsDataRequest = {DD_T_OBJECT, "GlobalIncidentSettingsDataRequest", f413_GlobalIncidentSettingsDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f415_GlobalIncidentSettingsRequest[] = {
    {"data", &s414_GlobalIncidentSettingsDataRequest, R, "Data object in the global incident settings request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s416_GlobalIncidentSettingsRequest = {DD_T_OBJECT, "GlobalIncidentSettingsRequest", f415_GlobalIncidentSettingsRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f417_PatchAttachmentRequestDataAttributesAttachment[] = {
    {"documentUrl", &s4_string, N, "The updated URL for the attachment."},
    {"title", &s4_string, N, "The updated title for the attachment."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s418_PatchAttachmentRequestDataAttributesAttachment = {DD_T_OBJECT, "PatchAttachmentRequestDataAttributesAttachment", f417_PatchAttachmentRequestDataAttributesAttachment, 0, 0, 0, 0, 0, 0};
static const dd_field f419_PatchAttachmentRequestDataAttributes[] = {
    {"attachment", &s418_PatchAttachmentRequestDataAttributesAttachment, N, "The updated attachment object."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s420_PatchAttachmentRequestDataAttributes = {DD_T_OBJECT, "PatchAttachmentRequestDataAttributes", f419_PatchAttachmentRequestDataAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f421_PatchAttachmentRequestData[] = {
    {"attributes", &s420_PatchAttachmentRequestDataAttributes, N, "The attributes for updating an attachment."},
    {"id", &s4_string, N, "The unique identifier of the attachment."},
    {"type", &s134_incident_attachments, R, "The incident attachment resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s422_PatchAttachmentRequestData = {DD_T_OBJECT, "PatchAttachmentRequestData", f421_PatchAttachmentRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f423_PatchAttachmentRequest[] = {
    {"data", &s422_PatchAttachmentRequestData, N, "Attachment data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s424_PatchAttachmentRequest = {DD_T_OBJECT, "PatchAttachmentRequest", f423_PatchAttachmentRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s425_IncidentConfigurationPatchDataAttributesRequest = {DD_T_OBJECT, "IncidentConfigurationPatchDataAttributesRequest", f140_IncidentConfigurationDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f426_IncidentConfigurationPatchDataRequest[] = {
    {"attributes", &s425_IncidentConfigurationPatchDataAttributesRequest, N, "Attributes for patching an incident configuration."},
    {"id", &s201_string_uuid, R, "The incident configuration identifier."},
    {"type", &s142_incidents_configurations, R, "Incident configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s427_IncidentConfigurationPatchDataRequest = {DD_T_OBJECT, "IncidentConfigurationPatchDataRequest", f426_IncidentConfigurationPatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f428_IncidentConfigurationPatchRequest[] = {
    {"data", &s427_IncidentConfigurationPatchDataRequest, R, "Incident configuration data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s429_IncidentConfigurationPatchRequest = {DD_T_OBJECT, "IncidentConfigurationPatchRequest", f428_IncidentConfigurationPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f430_IncidentGoogleChatConfigurationPatchDataAttributesRequest[] = {
    {"domain_id", &s4_string, N, "The Google Chat domain ID."},
    {"space_name_template", &s4_string, N, "The template for the Google Chat space name."},
    {"space_target_audience_id", &s4_string, N, "The target audience ID for the Google Chat space."},
    {"space_time_zone", &s4_string, N, "The time zone for the Google Chat space."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s431_IncidentGoogleChatConfigurationPatchDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationPatchDataAttributesRequest", f430_IncidentGoogleChatConfigurationPatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f432_IncidentGoogleChatConfigurationPatchDataRequest[] = {
    {"attributes", &s431_IncidentGoogleChatConfigurationPatchDataAttributesRequest, N, "Attributes for patching a Google Chat configuration."},
    {"id", &s201_string_uuid, R, "The configuration identifier."},
    {"type", &s156_google_chat_configuratio, R, "Google Chat configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s433_IncidentGoogleChatConfigurationPatchDataRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationPatchDataRequest", f432_IncidentGoogleChatConfigurationPatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f434_IncidentGoogleChatConfigurationPatchRequest[] = {
    {"data", &s433_IncidentGoogleChatConfigurationPatchDataRequest, R, "Google Chat configuration data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s435_IncidentGoogleChatConfigurationPatchRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationPatchRequest", f434_IncidentGoogleChatConfigurationPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f436_IncidentGoogleMeetConfigurationPatchDataAttributesRequest[] = {
    {"allow_manual_meeting_creation", &s36_boolean, N, "Whether to allow manual meeting creation."},
    {"auto_summarize", &s36_boolean, N, "Whether to auto-summarize meetings."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s437_IncidentGoogleMeetConfigurationPatchDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationPatchDataAttributesRequest", f436_IncidentGoogleMeetConfigurationPatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f438_IncidentGoogleMeetConfigurationPatchDataRequest[] = {
    {"attributes", &s437_IncidentGoogleMeetConfigurationPatchDataAttributesRequest, N, "Attributes for patching a Google Meet configuration."},
    {"id", &s201_string_uuid, R, "The configuration identifier."},
    {"type", &s165_google_meet_configuratio, R, "Google Meet configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s439_IncidentGoogleMeetConfigurationPatchDataRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationPatchDataRequest", f438_IncidentGoogleMeetConfigurationPatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f440_IncidentGoogleMeetConfigurationPatchRequest[] = {
    {"data", &s439_IncidentGoogleMeetConfigurationPatchDataRequest, R, "Google Meet configuration data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s441_IncidentGoogleMeetConfigurationPatchRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationPatchRequest", f440_IncidentGoogleMeetConfigurationPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f442_IncidentNotificationRuleUpdateData[] = {
    {"attributes", &s200_IncidentNotificationRuleCreateAttributes, R, "The attributes for creating a notification rule."},
    {"id", &s201_string_uuid, R, "The unique identifier of the notification rule."},
    {"relationships", &s209_IncidentNotificationRuleCreateDataRelationships, N, "The definition of `NotificationRuleCreateDataRelationships` object."},
    {"type", &s210_incident_notification_ru, R, "Notification rules resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s443_IncidentNotificationRuleUpdateData = {DD_T_OBJECT, "IncidentNotificationRuleUpdateData", f442_IncidentNotificationRuleUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f444_PutIncidentNotificationRuleRequest[] = {
    {"data", &s443_IncidentNotificationRuleUpdateData, R, "Notification rule data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s445_PutIncidentNotificationRuleRequest = {DD_T_OBJECT, "PutIncidentNotificationRuleRequest", f444_PutIncidentNotificationRuleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f446_IncidentNotificationTemplateUpdateAttributes[] = {
    {"category", &s4_string, N, "The category of the notification template."},
    {"content", &s4_string, N, "The content body of the notification template."},
    {"name", &s4_string, N, "The name of the notification template."},
    {"subject", &s4_string, N, "The subject line of the notification template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s447_IncidentNotificationTemplateUpdateAttributes = {DD_T_OBJECT, "IncidentNotificationTemplateUpdateAttributes", f446_IncidentNotificationTemplateUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f448_IncidentNotificationTemplateUpdateData[] = {
    {"attributes", &s447_IncidentNotificationTemplateUpdateAttributes, N, "The attributes to update on a notification template."},
    {"id", &s201_string_uuid, R, "The unique identifier of the notification template."},
    {"type", &s202_notification_templates, R, "Notification templates resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s449_IncidentNotificationTemplateUpdateData = {DD_T_OBJECT, "IncidentNotificationTemplateUpdateData", f448_IncidentNotificationTemplateUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f450_PatchIncidentNotificationTemplateRequest[] = {
    {"data", &s449_IncidentNotificationTemplateUpdateData, R, "Notification template data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s451_PatchIncidentNotificationTemplateRequest = {DD_T_OBJECT, "PatchIncidentNotificationTemplateRequest", f450_PatchIncidentNotificationTemplateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f452_IncidentRulePatchDataAttributesRequest[] = {
    {"condition", &s272_IncidentRuleQueryCondition, N, "A query-based condition for an incident rule."},
    {"conditions", &s276_array_of_IncidentRuleCon, N, "List of field-based conditions."},
    {"enabled", &s36_boolean, N, "Whether the rule is enabled."},
    {"task_payload", &s4_string, N, "The JSON-encoded payload for the task."},
    {"trigger", &s280_incident_saved_trigger_i, N, "The trigger event for an incident rule."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s453_IncidentRulePatchDataAttributesRequest = {DD_T_OBJECT, "IncidentRulePatchDataAttributesRequest", f452_IncidentRulePatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f454_IncidentRulePatchDataRequest[] = {
    {"attributes", &s453_IncidentRulePatchDataAttributesRequest, N, "Attributes for patching an incident rule."},
    {"id", &s201_string_uuid, R, "The rule identifier."},
    {"type", &s284_incident_rules, R, "Incident rule resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s455_IncidentRulePatchDataRequest = {DD_T_OBJECT, "IncidentRulePatchDataRequest", f454_IncidentRulePatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f456_IncidentRulePatchRequest[] = {
    {"data", &s455_IncidentRulePatchDataRequest, R, "Incident rule data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s457_IncidentRulePatchRequest = {DD_T_OBJECT, "IncidentRulePatchRequest", f456_IncidentRulePatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s458_IncidentTodoPatchData = {DD_T_OBJECT, "IncidentTodoPatchData", f309_IncidentTodoCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f459_IncidentTodoPatchRequest[] = {
    {"data", &s458_IncidentTodoPatchData, R, "Incident todo data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s460_IncidentTodoPatchRequest = {DD_T_OBJECT, "IncidentTodoPatchRequest", f459_IncidentTodoPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f461_IncidentUserDefinedFieldAttributesUpdateRequest[] = {
    {"category", &s313_what_happened_why_it_hap, N, "The section in which the field appears: \"what_happened\" or \"why_it_happened\"."},
    {"collected", &s315_active_stable_resolved_c, N, "The lifecycle stage at which the app prompts users to fill out this field."},
    {"default_value", &s4_string, N, "The default value for the field."},
    {"display_name", &s4_string, N, "The human-readable name shown in the UI."},
    {"ordinal", &s4_string, N, "A decimal string representing the field's display order in the UI."},
    {"required", &s36_boolean, N, "When true, users must fill out this field on incidents."},
    {"valid_values", &s320_array_of_IncidentUserDef, N, "The list of allowed values for dropdown and multiselect fields."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s462_IncidentUserDefinedFieldAttributesUpdateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldAttributesUpdateRequest", f461_IncidentUserDefinedFieldAttributesUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f463_IncidentUserDefinedFieldUpdateData[] = {
    {"attributes", &s462_IncidentUserDefinedFieldAttributesUpdateRequest, R, "Attributes for updating an incident user-defined field."},
    {"id", &s4_string, R, "The unique identifier of the user-defined field to update."},
    {"type", &s324_user_defined_field, R, "The incident user defined fields type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s464_IncidentUserDefinedFieldUpdateData = {DD_T_OBJECT, "IncidentUserDefinedFieldUpdateData", f463_IncidentUserDefinedFieldUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f465_IncidentUserDefinedFieldUpdateRequest[] = {
    {"data", &s464_IncidentUserDefinedFieldUpdateData, R, "Data for updating an incident user-defined field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s466_IncidentUserDefinedFieldUpdateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldUpdateRequest", f465_IncidentUserDefinedFieldUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f467_IncidentUserDefinedRolePatchDataAttributesRequest[] = {
    {"description", &s4_string, N, "A description of the user-defined role."},
    {"name", &s4_string, N, "The name of the user-defined role."},
    {"policy", &s331_IncidentUserDefinedRolePolicy, N, "Policy configuration for a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s468_IncidentUserDefinedRolePatchDataAttributesRequest = {DD_T_OBJECT, "IncidentUserDefinedRolePatchDataAttributesRequest", f467_IncidentUserDefinedRolePatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f469_IncidentUserDefinedRolePatchDataRequest[] = {
    {"attributes", &s468_IncidentUserDefinedRolePatchDataAttributesRequest, N, "Attributes for updating an incident user-defined role."},
    {"id", &s201_string_uuid, R, "The ID of the user-defined role to update."},
    {"type", &s340_incident_user_defined_ro, R, "Incident user-defined role resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s470_IncidentUserDefinedRolePatchDataRequest = {DD_T_OBJECT, "IncidentUserDefinedRolePatchDataRequest", f469_IncidentUserDefinedRolePatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f471_IncidentUserDefinedRolePatchRequest[] = {
    {"data", &s470_IncidentUserDefinedRolePatchDataRequest, R, "Data for updating an incident user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s472_IncidentUserDefinedRolePatchRequest = {DD_T_OBJECT, "IncidentUserDefinedRolePatchRequest", f471_IncidentUserDefinedRolePatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f473_IncidentTimestampOverridePatchDataAttributesRequest[] = {
    {"timestamp_value", &s23_string_date_time, R, "The overridden timestamp value."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s474_IncidentTimestampOverridePatchDataAttributesRequest = {DD_T_OBJECT, "IncidentTimestampOverridePatchDataAttributesRequest", f473_IncidentTimestampOverridePatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f475_IncidentTimestampOverridePatchDataRequest[] = {
    {"attributes", &s474_IncidentTimestampOverridePatchDataAttributesRequest, N, "Attributes for patching a timestamp override."},
    {"id", &s201_string_uuid, R, "The timestamp override identifier."},
    {"type", &s372_incidents_timestamp_over, R, "Incident timestamp override resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s476_IncidentTimestampOverridePatchDataRequest = {DD_T_OBJECT, "IncidentTimestampOverridePatchDataRequest", f475_IncidentTimestampOverridePatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f477_IncidentTimestampOverridePatchRequest[] = {
    {"data", &s476_IncidentTimestampOverridePatchDataRequest, R, "Timestamp override data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s478_IncidentTimestampOverridePatchRequest = {DD_T_OBJECT, "IncidentTimestampOverridePatchRequest", f477_IncidentTimestampOverridePatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f479_OpsgenieAccountCreateAttributes[] = {
    {"api_key", &s4_string, R | SECRET, "Opsgenie API key (a secret)"},
    {"region", &s57_us_eu_custom, R, "The region for the Opsgenie service."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s480_OpsgenieAccountCreateAttributes = {DD_T_OBJECT, "OpsgenieAccountCreateAttributes", f479_OpsgenieAccountCreateAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s481_opsgenie_account_enum[] = {"opsgenie-account", NULL};
static const dd_schema s481_opsgenie_account = {DD_T_STRING, "\"opsgenie-account\"", 0, 0, 0, s481_opsgenie_account_enum, 0, 0, 0};
static const dd_field f483_OpsgenieAccountCreateData[] = {
    {"attributes", &s480_OpsgenieAccountCreateAttributes, R, "The Opsgenie account attributes for a create request."},
    {"type", &s481_opsgenie_account, R, "Opsgenie account resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s484_OpsgenieAccountCreateData = {DD_T_OBJECT, "OpsgenieAccountCreateData", f483_OpsgenieAccountCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f485_OpsgenieAccountCreateRequest[] = {
    {"data", &s484_OpsgenieAccountCreateData, R, "Opsgenie account data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s486_OpsgenieAccountCreateRequest = {DD_T_OBJECT, "OpsgenieAccountCreateRequest", f485_OpsgenieAccountCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f487_OpsgenieAccountUpdateAttributes[] = {
    {"api_key", &s4_string, N | SECRET, "Opsgenie API key (a secret)"},
    {"region", &s57_us_eu_custom, N, "The region for the Opsgenie service."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s488_OpsgenieAccountUpdateAttributes = {DD_T_OBJECT, "OpsgenieAccountUpdateAttributes", f487_OpsgenieAccountUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f489_OpsgenieAccountUpdateData[] = {
    {"attributes", &s488_OpsgenieAccountUpdateAttributes, R, "The Opsgenie account attributes for an update request."},
    {"id", &s4_string, R, "The ID of the Opsgenie account."},
    {"type", &s481_opsgenie_account, R, "Opsgenie account resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s490_OpsgenieAccountUpdateData = {DD_T_OBJECT, "OpsgenieAccountUpdateData", f489_OpsgenieAccountUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f491_OpsgenieAccountUpdateRequest[] = {
    {"data", &s490_OpsgenieAccountUpdateData, R, "Opsgenie account data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s492_OpsgenieAccountUpdateRequest = {DD_T_OBJECT, "OpsgenieAccountUpdateRequest", f491_OpsgenieAccountUpdateRequest, 0, 0, 0, 0, 0, 0};

/* ---------------------------------------------------------------- query parameters */

static const dd_qparam q_ListIncidentTypes[] = {
    {"include_deleted", "include_deleted", DD_QT_BOOL, 0, NULL, "boolean: include deleted incident types (default false)"},
};
static const char *const qe_ListIncidents_include[] = {"users", "attachments", NULL};
static const dd_qparam q_ListIncidents[] = {
    {"include", "include", DD_QT_CSV, 0, qe_ListIncidents_include, "string or list of strings: related resources (users, attachments)"},
    {"page_size", "page[size]", DD_QT_INT, 0, NULL, "integer: items per page"},
    {"page_offset", "page[offset]", DD_QT_INT, 0, NULL, "integer: index of the first item"},
};
static const char *const qe_GetIncident_include[] = {"users", "attachments", NULL};
static const dd_qparam q_GetIncident[] = {
    {"include", "include", DD_QT_CSV, 0, qe_GetIncident_include, "string or list of strings: related resources (users, attachments)"},
};
static const char *const qe_UpdateIncident_include[] = {"users", "attachments", NULL};
static const dd_qparam q_UpdateIncident[] = {
    {"include", "include", DD_QT_CSV, 0, qe_UpdateIncident_include, "string or list of strings: related resources (users, attachments)"},
};
static const dd_qparam q_CreateGlobalIncidentHandle[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response"},
};
static const dd_qparam q_CreateIncidentAttachment[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Resource to include in the response."},
};
static const char *const qe_CreateIncidentImpact_include[] = {"incident", "created_by_user", "last_modified_by_user", NULL};
static const dd_qparam q_CreateIncidentImpact[] = {
    {"include", "include", DD_QT_CSV, 0, qe_CreateIncidentImpact_include, "string or list of strings (incident, created_by_user, last_modified_by_user): Specifies which related resources should be included in the response."},
};
static const dd_qparam q_CreateIncidentUserDefinedField[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include."},
};
static const dd_qparam q_CreateIncidentUserDefinedRole[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response."},
};
static const dd_qparam q_DeleteIncidentNotificationRule[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of resources to include."},
};
static const dd_qparam q_DeleteIncidentNotificationTemplate[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of relationships to include."},
};
static const dd_qparam q_GetIncidentNotificationRule[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of resources to include."},
};
static const dd_qparam q_GetIncidentNotificationTemplate[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of relationships to include."},
};
static const dd_qparam q_GetIncidentUserDefinedField[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include."},
};
static const dd_qparam q_GetIncidentUserDefinedRole[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response."},
};
static const dd_qparam q_GetOrgSettingsByIncidentType[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response."},
};
static const char *const qe_ImportIncident_include[] = {"last_modified_by_user", "created_by_user", "commander_user", "declared_by_user", "incident_type", NULL};
static const dd_qparam q_ImportIncident[] = {
    {"include", "include", DD_QT_CSV, 0, qe_ImportIncident_include, "string or list of strings (last_modified_by_user, created_by_user, commander_user, declared_by_user, incident_type): Specifies which related object types to include in the response when importing an incident."},
};
static const dd_qparam q_ListGlobalIncidentHandles[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response"},
};
static const dd_qparam q_ListIncidentAttachments[] = {
    {"filter_attachment_type", "filter[attachment_type]", DD_QT_STRING, 0, NULL, "string: Filter attachments by type."},
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Resource to include in the response."},
};
static const char *const qe_ListIncidentImpacts_include[] = {"incident", "created_by_user", "last_modified_by_user", NULL};
static const dd_qparam q_ListIncidentImpacts[] = {
    {"include", "include", DD_QT_CSV, 0, qe_ListIncidentImpacts_include, "string or list of strings (incident, created_by_user, last_modified_by_user): Specifies which related resources should be included in the response."},
};
static const dd_qparam q_ListIncidentNotificationRules[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of resources to include."},
};
static const dd_qparam q_ListIncidentNotificationTemplates[] = {
    {"filter_incident_type", "filter[incident-type]", DD_QT_STRING, 0, NULL, "string (uuid): Optional incident type ID filter."},
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of relationships to include."},
};
static const dd_qparam q_ListIncidentPostmortemTemplates[] = {
    {"filter_incident_type", "filter[incident-type]", DD_QT_STRING, 0, NULL, "string (uuid): Filter postmortem templates by the associated incident type ID."},
    {"sort", "sort", DD_QT_STRING, 0, NULL, "string: The attribute to sort results by."},
};
static const dd_qparam q_ListIncidentRules[] = {
    {"filter_task_id", "filter[task_id]", DD_QT_STRING, 0, NULL, "string: Filter rules by task ID."},
    {"filter_trigger", "filter[trigger]", DD_QT_STRING, 0, NULL, "string: Filter rules by trigger."},
    {"incident_type_uuid", "incidentTypeUUID", DD_QT_STRING, 0, NULL, "string (uuid): Filter rules by incident type UUID."},
};
static const dd_qparam q_ListIncidentUserDefinedFields[] = {
    {"page_size", "page[size]", DD_QT_INT, 0, NULL, "integer: The number of results to return per page."},
    {"page_number", "page[number]", DD_QT_INT, 0, NULL, "integer: The page number to retrieve, starting at 0."},
    {"include_deleted", "include-deleted", DD_QT_BOOL, 0, NULL, "boolean: When true, include soft-deleted fields in the response."},
    {"filter_incident_type", "filter[incident-type]", DD_QT_STRING, 0, NULL, "string: Filter results to fields associated with the given incident type UUID."},
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include."},
};
static const dd_qparam q_ListIncidentUserDefinedRoles[] = {
    {"filter_incident_type", "filter[incident-type]", DD_QT_STRING, 0, NULL, "string (uuid): Filter roles by incident type UUID."},
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response."},
};
static const dd_qparam q_ListOrgSettings[] = {
    {"page_size", "page[size]", DD_QT_INT, 0, NULL, "integer: Maximum number of results to return."},
    {"page_offset", "page[offset]", DD_QT_INT, 0, NULL, "integer: The offset for pagination."},
    {"include_deleted", "include-deleted", DD_QT_BOOL, 0, NULL, "boolean: Whether to include deleted records."},
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response."},
};
static const char *const qe_PatchIncidentImpact_include[] = {"incident", "created_by_user", "last_modified_by_user", NULL};
static const dd_qparam q_PatchIncidentImpact[] = {
    {"include", "include", DD_QT_CSV, 0, qe_PatchIncidentImpact_include, "string or list of strings (incident, created_by_user, last_modified_by_user): Specifies which related resources should be included in the response."},
};
static const char *const qe_SearchIncidents_include[] = {"users", "attachments", NULL};
static const char *const qe_SearchIncidents_sort[] = {"created", "-created", NULL};
static const dd_qparam q_SearchIncidents[] = {
    {"include", "include", DD_QT_STRING, 0, qe_SearchIncidents_include, "string (users, attachments): Specifies which types of related objects should be included in the response."},
    {"query", "query", DD_QT_STRING, DD_QP_REQUIRED, NULL, "string: Specifies which incidents should be returned."},
    {"sort", "sort", DD_QT_STRING, 0, qe_SearchIncidents_sort, "string (created, -created): Specifies the order of returned incidents."},
    {"page_size", "page[size]", DD_QT_INT, 0, NULL, "integer: Number of items to return per page."},
    {"page_offset", "page[offset]", DD_QT_INT, 0, NULL, "integer: Specific offset to use as the beginning of the returned page."},
};
static const dd_qparam q_UpdateGlobalIncidentHandle[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response"},
};
static const dd_qparam q_UpdateIncidentAttachment[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Resource to include in the response."},
};
static const dd_qparam q_UpdateIncidentNotificationRule[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of resources to include."},
};
static const dd_qparam q_UpdateIncidentNotificationTemplate[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of relationships to include."},
};
static const dd_qparam q_UpdateIncidentUserDefinedField[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include."},
};
static const dd_qparam q_UpdateIncidentUserDefinedRole[] = {
    {"include", "include", DD_QT_STRING, 0, NULL, "string: Comma-separated list of related resources to include in the response."},
};

/* ---------------------------------------------------------------- the operations */

const dd_op dd_ops[] = {
    {"ListIncidentIntegrations", "list_incident_integrations", "GET", "/api/v2/incidents/{incident_id}/relationships/integrations", NULL, 0, NULL, DD_OP_BETA, "List an incident's integration metadata.", 200},
    {"CreateIncidentIntegration", "create_incident_integration", "POST", "/api/v2/incidents/{incident_id}/relationships/integrations", NULL, 0, &s29_IncidentIntegrationMetadataCreateRequest, DD_OP_BETA, "Attach integration metadata (Slack, Jira, Teams) to an incident.", 201},
    {"GetIncidentIntegration", "get_incident_integration", "GET", "/api/v2/incidents/{incident_id}/relationships/integrations/{integration_metadata_id}", NULL, 0, NULL, DD_OP_BETA, "Get one integration metadata of an incident.", 200},
    {"UpdateIncidentIntegration", "update_incident_integration", "PATCH", "/api/v2/incidents/{incident_id}/relationships/integrations/{integration_metadata_id}", NULL, 0, &s32_IncidentIntegrationMetadataPatchRequest, DD_OP_BETA, "Update an existing incident integration metadata.", 200},
    {"DeleteIncidentIntegration", "delete_incident_integration", "DELETE", "/api/v2/incidents/{incident_id}/relationships/integrations/{integration_metadata_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Remove an integration metadata from an incident.", 204},
    {"ListIncidentTypes", "list_incident_types", "GET", "/api/v2/incidents/config/types", q_ListIncidentTypes, 1, NULL, DD_OP_BETA, "List incident types.", 200},
    {"CreateIncidentType", "create_incident_type", "POST", "/api/v2/incidents/config/types", NULL, 0, &s47_IncidentTypeCreateRequest, DD_OP_BETA, "Create an incident type.", 201},
    {"GetIncidentType", "get_incident_type", "GET", "/api/v2/incidents/config/types/{incident_type_id}", NULL, 0, NULL, DD_OP_BETA, "Get an incident type.", 200},
    {"UpdateIncidentType", "update_incident_type", "PATCH", "/api/v2/incidents/config/types/{incident_type_id}", NULL, 0, &s53_IncidentTypePatchRequest, DD_OP_BETA, "Update an incident type.", 200},
    {"DeleteIncidentType", "delete_incident_type", "DELETE", "/api/v2/incidents/config/types/{incident_type_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident type.", 204},
    {"ListOpsgenieServices", "list_opsgenie_services", "GET", "/api/v2/integration/opsgenie/services", NULL, 0, NULL, 0, "List the Opsgenie integration's services.", 200},
    {"CreateOpsgenieService", "create_opsgenie_service", "POST", "/api/v2/integration/opsgenie/services", NULL, 0, &s64_OpsgenieServiceCreateRequest, 0, "Create an Opsgenie service.", 201},
    {"GetOpsgenieService", "get_opsgenie_service", "GET", "/api/v2/integration/opsgenie/services/{integration_service_id}", NULL, 0, NULL, 0, "Get an Opsgenie service.", 200},
    {"UpdateOpsgenieService", "update_opsgenie_service", "PATCH", "/api/v2/integration/opsgenie/services/{integration_service_id}", NULL, 0, &s70_OpsgenieServiceUpdateRequest, 0, "Update an Opsgenie service.", 200},
    {"DeleteOpsgenieService", "delete_opsgenie_service", "DELETE", "/api/v2/integration/opsgenie/services/{integration_service_id}", NULL, 0, NULL, DD_OP_ACCEPT_ANY, "Delete an Opsgenie service.", 204},
    {"CreatePagerDutyIntegrationService", "create_pager_duty_integration_service", "POST", "/api/v1/integration/pagerduty/configuration/services", NULL, 0, &s72_PagerDutyService, 0, "Create a PagerDuty service.", 201},
    {"GetPagerDutyIntegrationService", "get_pager_duty_integration_service", "GET", "/api/v1/integration/pagerduty/configuration/services/{service_name}", NULL, 0, NULL, 0, "Get a PagerDuty service.", 200},
    {"UpdatePagerDutyIntegrationService", "update_pager_duty_integration_service", "PUT", "/api/v1/integration/pagerduty/configuration/services/{service_name}", NULL, 0, &s74_PagerDutyServiceKey, DD_OP_ACCEPT_ANY | DD_OP_NO_BODY, "Update a PagerDuty service's key.", 200},
    {"DeletePagerDutyIntegrationService", "delete_pager_duty_integration_service", "DELETE", "/api/v1/integration/pagerduty/configuration/services/{service_name}", NULL, 0, NULL, DD_OP_ACCEPT_ANY, "Delete a PagerDuty service.", 204},
    {"ListIncidents", "list_incidents", "GET", "/api/v2/incidents", q_ListIncidents, 3, NULL, DD_OP_BETA, "List incidents, a page at a time.", 200},
    {"CreateIncident", "create_incident", "POST", "/api/v2/incidents", NULL, 0, &s91_IncidentCreateRequest, DD_OP_BETA, "Declare an incident.", 201},
    {"GetIncident", "get_incident", "GET", "/api/v2/incidents/{incident_id}", q_GetIncident, 1, NULL, DD_OP_BETA, "Get an incident.", 200},
    {"UpdateIncident", "update_incident", "PATCH", "/api/v2/incidents/{incident_id}", q_UpdateIncident, 1, &s110_IncidentUpdateRequest, DD_OP_BETA, "Update an incident.", 200},
    {"DeleteIncident", "delete_incident", "DELETE", "/api/v2/incidents/{incident_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident.", 204},
    {"CreateGlobalIncidentHandle", "create_global_incident_handle", "POST", "/api/v2/incidents/config/global/incident-handles", q_CreateGlobalIncidentHandle, 1, &s127_IncidentHandleRequest, DD_OP_BETA, "Create a new global incident handle.", 201},
    {"CreateIncidentAttachment", "create_incident_attachment", "POST", "/api/v2/incidents/{incident_id}/attachments", q_CreateIncidentAttachment, 1, &s139_CreateAttachmentRequest, DD_OP_BETA, "Create an incident attachment.", 201},
    {"CreateIncidentConfiguration", "create_incident_configuration", "POST", "/api/v2/incidents/{incident_id}/configurations", NULL, 0, &s147_IncidentConfigurationRequest, DD_OP_BETA, "Create a configuration for an incident.", 200},
    {"CreateIncidentGoogleChatConfiguration", "create_incident_google_chat_configuration", "POST", "/api/v2/incidents/config/google-chat-configurations", NULL, 0, &s161_IncidentGoogleChatConfigurationRequest, DD_OP_BETA, "Create a Google Chat configuration for incidents.", 201},
    {"CreateIncidentGoogleMeetConfiguration", "create_incident_google_meet_configuration", "POST", "/api/v2/incidents/config/google-meet-configurations", NULL, 0, &s170_IncidentGoogleMeetConfigurationRequest, DD_OP_BETA, "Create a Google Meet configuration for incidents.", 201},
    {"CreateIncidentImpact", "create_incident_impact", "POST", "/api/v2/incidents/{incident_id}/impacts", q_CreateIncidentImpact, 1, &s179_IncidentImpactCreateRequest, 0, "Create an impact for an incident.", 201},
    {"CreateIncidentImpactField", "create_incident_impact_field", "POST", "/api/v2/incidents/config/impact-fields", NULL, 0, &s193_IncidentImpactFieldRequest, DD_OP_BETA, "Create an impact field for incidents.", 201},
    {"CreateIncidentNotificationRule", "create_incident_notification_rule", "POST", "/api/v2/incidents/config/notification-rules", NULL, 0, &s215_CreateIncidentNotificationRuleRequest, DD_OP_BETA, "Creates a new notification rule.", 201},
    {"CreateIncidentNotificationTemplate", "create_incident_notification_template", "POST", "/api/v2/incidents/config/notification-templates", NULL, 0, &s223_CreateIncidentNotificationTemplateRequest, DD_OP_BETA, "Creates a new notification template.", 201},
    {"CreateIncidentPostmortemAttachment", "create_incident_postmortem_attachment", "POST", "/api/v2/incidents/{incident_id}/attachments/postmortems", NULL, 0, &s238_PostmortemAttachmentRequest, DD_OP_BETA, "Create a postmortem attachment for an incident.", 201},
    {"CreateIncidentPostmortemTemplate", "create_incident_postmortem_template", "POST", "/api/v2/incidents/config/postmortem-templates", NULL, 0, &s258_PostmortemTemplateRequest, DD_OP_BETA, "Create a new postmortem template for incidents.", 201},
    {"CreateIncidentResponder", "create_incident_responder", "POST", "/api/v2/incidents/{incident_id}/responders", NULL, 0, &s270_IncidentResponderRequest, DD_OP_BETA, "Add a responder to an incident.", 201},
    {"CreateIncidentRule", "create_incident_rule", "POST", "/api/v2/incidents/config/rules", NULL, 0, &s289_IncidentRuleRequest, DD_OP_BETA, "Create an incident rule.", 201},
    {"CreateIncidentServiceNowRecord", "create_incident_service_now_record", "POST", "/api/v2/incidents/{incident_id}/servicenow-records", NULL, 0, &s297_IncidentServiceNowRecordRequest, DD_OP_BETA, "Create a ServiceNow record for an incident.", 201},
    {"CreateIncidentTodo", "create_incident_todo", "POST", "/api/v2/incidents/{incident_id}/relationships/todos", NULL, 0, &s312_IncidentTodoCreateRequest, DD_OP_BETA, "Create an incident todo.", 201},
    {"CreateIncidentUserDefinedField", "create_incident_user_defined_field", "POST", "/api/v2/incidents/config/user-defined-fields", q_CreateIncidentUserDefinedField, 1, &s329_IncidentUserDefinedFieldCreateRequest, DD_OP_BETA, "Create an incident user-defined field.", 201},
    {"CreateIncidentUserDefinedRole", "create_incident_user_defined_role", "POST", "/api/v2/incidents/config/user-defined-roles", q_CreateIncidentUserDefinedRole, 1, &s345_IncidentUserDefinedRoleRequest, DD_OP_BETA, "Create a new user-defined role for incidents.", 201},
    {"CreateOnCallPageFromIncident", "create_on_call_page_from_incident", "POST", "/api/v2/incidents/{incident_id}/page", NULL, 0, &s361_IncidentCreateOnCallPageRequest, DD_OP_BETA, "Create an on-call page directly from an incident.", 200},
    {"CreatePageFromIncident", "create_page_from_incident", "POST", "/api/v2/incidents/{incident_id}/cases/page", NULL, 0, &s367_IncidentCreatePageFromIncidentRequest, DD_OP_BETA, "Create a page from an incident using the Cases service.", 200},
    {"CreateTimestampOverride", "create_timestamp_override", "POST", "/api/v2/incidents/{incident_id}/timestamp-overrides", NULL, 0, &s377_IncidentTimestampOverrideRequest, DD_OP_BETA, "Create a timestamp override for an incident.", 201},
    {"DeleteGlobalIncidentHandle", "delete_global_incident_handle", "DELETE", "/api/v2/incidents/config/global/incident-handles", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete a global incident handle.", 204},
    {"DeleteIncidentAttachment", "delete_incident_attachment", "DELETE", "/api/v2/incidents/{incident_id}/attachments/{attachment_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident attachment.", 204},
    {"DeleteIncidentImpact", "delete_incident_impact", "DELETE", "/api/v2/incidents/{incident_id}/impacts/{impact_id}", NULL, 0, NULL, DD_OP_ACCEPT_ANY, "Delete an incident impact.", 204},
    {"DeleteIncidentImpactField", "delete_incident_impact_field", "DELETE", "/api/v2/incidents/config/impact-fields/{field_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an impact field for incidents.", 204},
    {"DeleteIncidentNotificationRule", "delete_incident_notification_rule", "DELETE", "/api/v2/incidents/config/notification-rules/{id}", q_DeleteIncidentNotificationRule, 1, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Deletes a notification rule by its ID.", 204},
    {"DeleteIncidentNotificationTemplate", "delete_incident_notification_template", "DELETE", "/api/v2/incidents/config/notification-templates/{id}", q_DeleteIncidentNotificationTemplate, 1, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Deletes a notification template by its ID.", 204},
    {"DeleteIncidentPostmortemTemplate", "delete_incident_postmortem_template", "DELETE", "/api/v2/incidents/config/postmortem-templates/{template_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete a postmortem template.", 204},
    {"DeleteIncidentResponder", "delete_incident_responder", "DELETE", "/api/v2/incidents/{incident_id}/responders/{responder_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Remove a responder from an incident.", 204},
    {"DeleteIncidentRule", "delete_incident_rule", "DELETE", "/api/v2/incidents/config/rules/{rule_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident rule.", 204},
    {"DeleteIncidentTodo", "delete_incident_todo", "DELETE", "/api/v2/incidents/{incident_id}/relationships/todos/{todo_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident todo.", 204},
    {"DeleteIncidentUserDefinedField", "delete_incident_user_defined_field", "DELETE", "/api/v2/incidents/config/user-defined-fields/{field_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident user-defined field.", 204},
    {"DeleteIncidentUserDefinedRole", "delete_incident_user_defined_role", "DELETE", "/api/v2/incidents/config/user-defined-roles/{role_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an existing user-defined role for incidents.", 204},
    {"DeleteTimestampOverride", "delete_timestamp_override", "DELETE", "/api/v2/incidents/{incident_id}/timestamp-overrides/{id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete a timestamp override for an incident.", 204},
    {"GetGlobalIncidentSettings", "get_global_incident_settings", "GET", "/api/v2/incidents/config/global/settings", NULL, 0, NULL, DD_OP_BETA, "Retrieve global incident settings for the organization.", 200},
    {"GetIncidentAIPostmortem", "get_incident_ai_postmortem", "POST", "/api/v2/incidents/{incident_id}/ai/postmortem", NULL, 0, NULL, DD_OP_BETA, "Generate an AI postmortem for an incident.", 200},
    {"GetIncidentNotificationRule", "get_incident_notification_rule", "GET", "/api/v2/incidents/config/notification-rules/{id}", q_GetIncidentNotificationRule, 1, NULL, DD_OP_BETA, "Retrieves a specific notification rule by its ID.", 200},
    {"GetIncidentNotificationTemplate", "get_incident_notification_template", "GET", "/api/v2/incidents/config/notification-templates/{id}", q_GetIncidentNotificationTemplate, 1, NULL, DD_OP_BETA, "Retrieves a specific notification template by its ID.", 200},
    {"GetIncidentPostmortemTemplate", "get_incident_postmortem_template", "GET", "/api/v2/incidents/config/postmortem-templates/{template_id}", NULL, 0, NULL, DD_OP_BETA, "Retrieve details of a specific postmortem template.", 200},
    {"GetIncidentResponder", "get_incident_responder", "GET", "/api/v2/incidents/{incident_id}/responders/{responder_id}", NULL, 0, NULL, DD_OP_BETA, "Get a single responder for an incident.", 200},
    {"GetIncidentRule", "get_incident_rule", "GET", "/api/v2/incidents/config/rules/{rule_id}", NULL, 0, NULL, DD_OP_BETA, "Get a single incident rule by ID.", 200},
    {"GetIncidentTodo", "get_incident_todo", "GET", "/api/v2/incidents/{incident_id}/relationships/todos/{todo_id}", NULL, 0, NULL, DD_OP_BETA, "Get incident todo details.", 200},
    {"GetIncidentUserDefinedField", "get_incident_user_defined_field", "GET", "/api/v2/incidents/config/user-defined-fields/{field_id}", q_GetIncidentUserDefinedField, 1, NULL, DD_OP_BETA, "Get details of an incident user-defined field.", 200},
    {"GetIncidentUserDefinedRole", "get_incident_user_defined_role", "GET", "/api/v2/incidents/config/user-defined-roles/{role_id}", q_GetIncidentUserDefinedRole, 1, NULL, DD_OP_BETA, "Retrieve a single user-defined role for incidents.", 200},
    {"GetOrgSettingsByIncidentType", "get_org_settings_by_incident_type", "GET", "/api/v2/incidents/config/types/{incident_type_id}/org-settings", q_GetOrgSettingsByIncidentType, 1, NULL, DD_OP_BETA, "Get the org settings for a specific incident type.", 200},
    {"ImportIncident", "import_incident", "POST", "/api/v2/incidents/import", q_ImportIncident, 1, &s394_IncidentImportRequest, DD_OP_BETA, "Import an incident from an external system. This endpoint allows you to create incidents with", 201},
    {"LinkPageToIncident", "link_page_to_incident", "POST", "/api/v2/incidents/{incident_id}/pages/link", NULL, 0, &s402_IncidentOnCallPageLinkRequest, DD_OP_BETA, "Link an existing on-call page to an incident.", 201},
    {"ListGlobalIncidentHandles", "list_global_incident_handles", "GET", "/api/v2/incidents/config/global/incident-handles", q_ListGlobalIncidentHandles, 1, NULL, DD_OP_BETA, "Retrieve a list of global incident handles.", 200},
    {"ListIncidentAttachments", "list_incident_attachments", "GET", "/api/v2/incidents/{incident_id}/attachments", q_ListIncidentAttachments, 2, NULL, DD_OP_BETA, "List incident attachments.", 200},
    {"ListIncidentImpactFields", "list_incident_impact_fields", "GET", "/api/v2/incidents/config/impact-fields", NULL, 0, NULL, DD_OP_BETA, "List all impact fields for incidents.", 200},
    {"ListIncidentImpacts", "list_incident_impacts", "GET", "/api/v2/incidents/{incident_id}/impacts", q_ListIncidentImpacts, 1, NULL, 0, "Get all impacts for an incident.", 200},
    {"ListIncidentNotificationRules", "list_incident_notification_rules", "GET", "/api/v2/incidents/config/notification-rules", q_ListIncidentNotificationRules, 1, NULL, DD_OP_BETA, "Lists all notification rules for the organization. Optionally filter by incident type.", 200},
    {"ListIncidentNotificationTemplates", "list_incident_notification_templates", "GET", "/api/v2/incidents/config/notification-templates", q_ListIncidentNotificationTemplates, 2, NULL, DD_OP_BETA, "Lists all notification templates. Optionally filter by incident type.", 200},
    {"ListIncidentPostmortemTemplates", "list_incident_postmortem_templates", "GET", "/api/v2/incidents/config/postmortem-templates", q_ListIncidentPostmortemTemplates, 2, NULL, DD_OP_BETA, "Retrieve a list of all postmortem templates for incidents.", 200},
    {"ListIncidentResponders", "list_incident_responders", "GET", "/api/v2/incidents/{incident_id}/responders", NULL, 0, NULL, DD_OP_BETA, "List all responders for an incident.", 200},
    {"ListIncidentRules", "list_incident_rules", "GET", "/api/v2/incidents/config/rules", q_ListIncidentRules, 3, NULL, DD_OP_BETA, "List all incident rules.", 200},
    {"ListIncidentTodos", "list_incident_todos", "GET", "/api/v2/incidents/{incident_id}/relationships/todos", NULL, 0, NULL, DD_OP_BETA, "Get all todos for an incident.", 200},
    {"ListIncidentUserDefinedFields", "list_incident_user_defined_fields", "GET", "/api/v2/incidents/config/user-defined-fields", q_ListIncidentUserDefinedFields, 5, NULL, DD_OP_BETA, "Get a list of all incident user-defined fields.", 200},
    {"ListIncidentUserDefinedRoles", "list_incident_user_defined_roles", "GET", "/api/v2/incidents/config/user-defined-roles", q_ListIncidentUserDefinedRoles, 2, NULL, DD_OP_BETA, "List all user-defined roles for incidents.", 200},
    {"ListOrgSettings", "list_org_settings", "GET", "/api/v2/incidents/config/types/org-settings", q_ListOrgSettings, 4, NULL, DD_OP_BETA, "List org settings for all incident types.", 200},
    {"ListTimestampOverrides", "list_timestamp_overrides", "GET", "/api/v2/incidents/{incident_id}/timestamp-overrides", NULL, 0, NULL, DD_OP_BETA, "List all timestamp overrides for an incident.", 200},
    {"PatchIncidentImpact", "patch_incident_impact", "PATCH", "/api/v2/incidents/{incident_id}/impacts/{impact_id}", q_PatchIncidentImpact, 1, &s408_IncidentImpactPatchRequest, DD_OP_BETA, "Update an incident impact.", 200},
    {"SearchIncidents", "search_incidents", "GET", "/api/v2/incidents/search", q_SearchIncidents, 5, NULL, DD_OP_BETA, "Search for incidents matching a certain query.", 200},
    {"UpdateGlobalIncidentHandle", "update_global_incident_handle", "PUT", "/api/v2/incidents/config/global/incident-handles", q_UpdateGlobalIncidentHandle, 1, &s127_IncidentHandleRequest, DD_OP_BETA, "Update an existing global incident handle.", 200},
    {"UpdateGlobalIncidentSettings", "update_global_incident_settings", "PATCH", "/api/v2/incidents/config/global/settings", NULL, 0, &s416_GlobalIncidentSettingsRequest, DD_OP_BETA, "Update global incident settings for the organization.", 200},
    {"UpdateIncidentAttachment", "update_incident_attachment", "PATCH", "/api/v2/incidents/{incident_id}/attachments/{attachment_id}", q_UpdateIncidentAttachment, 1, &s424_PatchAttachmentRequest, DD_OP_BETA, "Update an incident attachment.", 200},
    {"UpdateIncidentConfiguration", "update_incident_configuration", "PATCH", "/api/v2/incidents/{incident_id}/configurations", NULL, 0, &s429_IncidentConfigurationPatchRequest, DD_OP_BETA, "Update a configuration for an incident.", 200},
    {"UpdateIncidentGoogleChatConfiguration", "update_incident_google_chat_configuration", "PATCH", "/api/v2/incidents/config/google-chat-configurations/{id}", NULL, 0, &s435_IncidentGoogleChatConfigurationPatchRequest, DD_OP_BETA, "Update a Google Chat configuration for incidents.", 200},
    {"UpdateIncidentGoogleMeetConfiguration", "update_incident_google_meet_configuration", "PATCH", "/api/v2/incidents/config/google-meet-configurations/{id}", NULL, 0, &s441_IncidentGoogleMeetConfigurationPatchRequest, DD_OP_BETA, "Update a Google Meet configuration for incidents.", 200},
    {"UpdateIncidentImpactField", "update_incident_impact_field", "PUT", "/api/v2/incidents/config/impact-fields/{field_id}", NULL, 0, &s193_IncidentImpactFieldRequest, DD_OP_BETA, "Update an impact field for incidents.", 200},
    {"UpdateIncidentNotificationRule", "update_incident_notification_rule", "PUT", "/api/v2/incidents/config/notification-rules/{id}", q_UpdateIncidentNotificationRule, 1, &s445_PutIncidentNotificationRuleRequest, DD_OP_BETA, "Updates an existing notification rule with a complete replacement.", 200},
    {"UpdateIncidentNotificationTemplate", "update_incident_notification_template", "PATCH", "/api/v2/incidents/config/notification-templates/{id}", q_UpdateIncidentNotificationTemplate, 1, &s451_PatchIncidentNotificationTemplateRequest, DD_OP_BETA, "Updates an existing notification template's attributes.", 200},
    {"UpdateIncidentPostmortemTemplate", "update_incident_postmortem_template", "PATCH", "/api/v2/incidents/config/postmortem-templates/{template_id}", NULL, 0, &s258_PostmortemTemplateRequest, DD_OP_BETA, "Update an existing postmortem template.", 200},
    {"UpdateIncidentRule", "update_incident_rule", "PATCH", "/api/v2/incidents/config/rules/{rule_id}", NULL, 0, &s457_IncidentRulePatchRequest, DD_OP_BETA, "Update an incident rule.", 200},
    {"UpdateIncidentTodo", "update_incident_todo", "PATCH", "/api/v2/incidents/{incident_id}/relationships/todos/{todo_id}", NULL, 0, &s460_IncidentTodoPatchRequest, DD_OP_BETA, "Update an incident todo.", 200},
    {"UpdateIncidentUserDefinedField", "update_incident_user_defined_field", "PATCH", "/api/v2/incidents/config/user-defined-fields/{field_id}", q_UpdateIncidentUserDefinedField, 1, &s466_IncidentUserDefinedFieldUpdateRequest, DD_OP_BETA, "Update an incident user-defined field.", 200},
    {"UpdateIncidentUserDefinedRole", "update_incident_user_defined_role", "PATCH", "/api/v2/incidents/config/user-defined-roles/{role_id}", q_UpdateIncidentUserDefinedRole, 1, &s472_IncidentUserDefinedRolePatchRequest, DD_OP_BETA, "Update an existing user-defined role for incidents.", 200},
    {"UpdateTimestampOverride", "update_timestamp_override", "PATCH", "/api/v2/incidents/{incident_id}/timestamp-overrides/{id}", NULL, 0, &s478_IncidentTimestampOverridePatchRequest, DD_OP_BETA, "Update a timestamp override for an incident.", 200},
    {"CreateOpsgenieAccount", "create_opsgenie_account", "POST", "/api/v2/integration/opsgenie/accounts", NULL, 0, &s486_OpsgenieAccountCreateRequest, 0, "Create a new Opsgenie account in the Datadog Opsgenie integration.", 201},
    {"DeleteOpsgenieAccount", "delete_opsgenie_account", "DELETE", "/api/v2/integration/opsgenie/accounts/{account_id}", NULL, 0, NULL, DD_OP_ACCEPT_ANY, "Delete a single Opsgenie account from the Datadog Opsgenie integration.", 204},
    {"ListOpsgenieAccounts", "list_opsgenie_accounts", "GET", "/api/v2/integration/opsgenie/accounts", NULL, 0, NULL, 0, "Get a list of all Opsgenie accounts from the Datadog Opsgenie integration.", 200},
    {"UpdateOpsgenieAccount", "update_opsgenie_account", "PATCH", "/api/v2/integration/opsgenie/accounts/{account_id}", NULL, 0, &s492_OpsgenieAccountUpdateRequest, 0, "Update a single Opsgenie account in the Datadog Opsgenie integration.", 200},
};
const int dd_nops = (int)(sizeof dd_ops / sizeof dd_ops[0]);
/* the client's bit set of beta operations and the lookups' tables are sized
 * by DD_MAX_OPS */
typedef char dd_ops_fit[sizeof dd_ops / sizeof dd_ops[0] <= DD_MAX_OPS ? 1 : -1];
