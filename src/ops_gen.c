/*
 * ops_gen.c - the operation table and every request body schema, generated
 * by scripts/gen-ops/gen.js from @datadog/datadog-api-client 1.64.0 (the
 * official TypeScript client's request builders, models and enums) and the
 * rules it does not carry (scripts/gen-ops/overlay.js). Do not edit: change
 * the overlay or the pinned version and run `make gen-ops`.
 *
 * 105 operations: 92 Incidents, 9 OpsgenieIntegration, 4 PagerDutyIntegration.
 */
#include "dd.h"

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
static const dd_field f30_IncidentIntegrationMetadataPatchData[] = {
    {"type", &s1_incident_integrations, R, "Integration metadata resource type."},
    {"attributes", &s25_IncidentIntegrationMetadataAttributes, R, "Incident integration metadata's attributes for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s31_IncidentIntegrationMetadataPatchData = {DD_T_OBJECT, "IncidentIntegrationMetadataData", f30_IncidentIntegrationMetadataPatchData, 0, 0, 0, 0, 0, 0};
static const dd_field f32_IncidentIntegrationMetadataPatchRequest[] = {
    {"data", &s31_IncidentIntegrationMetadataPatchData, R, "Incident integration metadata data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s33_IncidentIntegrationMetadataPatchRequest = {DD_T_OBJECT, "IncidentIntegrationMetadataRequest", f32_IncidentIntegrationMetadataPatchRequest, 0, 0, 0, 0, 0, 0};
static const char *const s34_incident_types_enum[] = {"incident_types", NULL};
static const dd_schema s34_incident_types = {DD_T_STRING, "\"incident_types\"", 0, 0, 0, s34_incident_types_enum, 0, 0, 0};
static const dd_schema s36_non_empty_string = {DD_T_STRING, "non-empty string", 0, 0, 0, 0, 1, 0, 0};
static const dd_schema s37_boolean = {DD_T_BOOL, "boolean", 0, 0, 0, 0, 0, 0, 0};
static const dd_schema s38_any = {DD_T_ANY, "any", 0, 0, 0, 0, 0, 0, 0};
static const char *const s39_default_servicenow_enum[] = {"default", "servicenow", NULL};
static const dd_schema s39_default_servicenow = {DD_T_STRING, "\"default\" | \"servicenow\"", 0, 0, 0, s39_default_servicenow_enum, 0, 0, 0};
static const dd_field f41_IncidentTypeConfiguration[] = {
    {"allow_incident_deletion", &s37_boolean, 0, NULL},
    {"allow_workflows", &s37_boolean, 0, NULL},
    {"create_message", &s38_any, 0, NULL},
    {"editable_timestamps", &s37_boolean, 0, NULL},
    {"private_incidents", &s37_boolean, 0, NULL},
    {"private_incidents_by_default", &s37_boolean, 0, NULL},
    {"slug_source", &s39_default_servicenow, 0, "default or servicenow"},
    {"test_incidents", &s37_boolean, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s42_IncidentTypeConfiguration = {DD_T_OBJECT, "IncidentTypeConfiguration", f41_IncidentTypeConfiguration, 0, 0, 0, 0, 0, 0};
static const dd_field f43_IncidentTypeAttributes[] = {
    {"name", &s36_non_empty_string, R, "name of the incident type"},
    {"description", &s4_string, 0, NULL},
    {"is_default", &s37_boolean, 0, "default false"},
    {"prefix", &s4_string, 0, "prepended to incident titles"},
    {"configuration", &s42_IncidentTypeConfiguration, 0, NULL},
    {"createdAt", &s23_string_date_time, 0, NULL},
    {"createdBy", &s4_string, 0, NULL},
    {"lastModifiedBy", &s4_string, 0, NULL},
    {"modifiedAt", &s23_string_date_time, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s44_IncidentTypeAttributes = {DD_T_OBJECT, "IncidentTypeAttributes", f43_IncidentTypeAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f45_IncidentTypeCreateData[] = {
    {"type", &s34_incident_types, R, NULL},
    {"attributes", &s44_IncidentTypeAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s46_IncidentTypeCreateData = {DD_T_OBJECT, "IncidentTypeCreateData", f45_IncidentTypeCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f47_IncidentTypeCreateRequest[] = {
    {"data", &s46_IncidentTypeCreateData, R, "Incident type data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s48_IncidentTypeCreateRequest = {DD_T_OBJECT, "IncidentTypeCreateRequest", f47_IncidentTypeCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f49_IncidentTypeUpdateAttributes[] = {
    {"name", &s36_non_empty_string, 0, "name of the incident type"},
    {"description", &s4_string, 0, NULL},
    {"is_default", &s37_boolean, 0, "default false"},
    {"prefix", &s4_string, 0, "prepended to incident titles"},
    {"configuration", &s42_IncidentTypeConfiguration, 0, NULL},
    {"createdAt", &s23_string_date_time, 0, NULL},
    {"createdBy", &s4_string, 0, NULL},
    {"lastModifiedBy", &s4_string, 0, NULL},
    {"modifiedAt", &s23_string_date_time, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s50_IncidentTypeUpdateAttributes = {DD_T_OBJECT, "IncidentTypeUpdateAttributes", f49_IncidentTypeUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f51_IncidentTypePatchData[] = {
    {"id", &s4_string, R, "the incident type's ID"},
    {"type", &s34_incident_types, R, NULL},
    {"attributes", &s50_IncidentTypeUpdateAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s52_IncidentTypePatchData = {DD_T_OBJECT, "IncidentTypePatchData", f51_IncidentTypePatchData, 0, 0, 0, 0, 0, 0};
static const dd_field f53_IncidentTypePatchRequest[] = {
    {"data", &s52_IncidentTypePatchData, R, "Incident type data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s54_IncidentTypePatchRequest = {DD_T_OBJECT, "IncidentTypePatchRequest", f53_IncidentTypePatchRequest, 0, 0, 0, 0, 0, 0};
static const char *const s55_opsgenie_service_enum[] = {"opsgenie-service", NULL};
static const dd_schema s55_opsgenie_service = {DD_T_STRING, "\"opsgenie-service\"", 0, 0, 0, s55_opsgenie_service_enum, 0, 0, 0};
static const dd_schema s57_string_1_to_100_characte = {DD_T_STRING, "string (1 to 100 characters)", 0, 0, 0, 0, 1, 100, 0};
static const char *const s58_us_eu_custom_enum[] = {"us", "eu", "custom", NULL};
static const dd_schema s58_us_eu_custom = {DD_T_STRING, "\"us\" | \"eu\" | \"custom\"", 0, 0, 0, s58_us_eu_custom_enum, 0, 0, 0};
static const dd_field f60_OpsgenieServiceCreateAttributes[] = {
    {"name", &s57_string_1_to_100_characte, R, "name of the service (1 to 100 characters)"},
    {"opsgenie_api_key", &s4_string, R | SECRET, "Opsgenie API key (a secret)"},
    {"region", &s58_us_eu_custom, R, "us, eu or custom"},
    {"custom_url", &s4_string, N, "needed with region custom"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s61_OpsgenieServiceCreateAttributes = {DD_T_OBJECT, "OpsgenieServiceCreateAttributes", f60_OpsgenieServiceCreateAttributes, 0, 0, 0, 0, 0, dd_rule_custom_url};
static const dd_field f62_OpsgenieServiceCreateData[] = {
    {"type", &s55_opsgenie_service, R, NULL},
    {"attributes", &s61_OpsgenieServiceCreateAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s63_OpsgenieServiceCreateData = {DD_T_OBJECT, "OpsgenieServiceCreateData", f62_OpsgenieServiceCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f64_OpsgenieServiceCreateRequest[] = {
    {"data", &s63_OpsgenieServiceCreateData, R, "Opsgenie service data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s65_OpsgenieServiceCreateRequest = {DD_T_OBJECT, "OpsgenieServiceCreateRequest", f64_OpsgenieServiceCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f66_OpsgenieServiceUpdateAttributes[] = {
    {"name", &s57_string_1_to_100_characte, 0, "1 to 100 characters"},
    {"opsgenie_api_key", &s4_string, SECRET, "Opsgenie API key (a secret)"},
    {"region", &s58_us_eu_custom, 0, "us, eu or custom"},
    {"custom_url", &s4_string, N, "may be null"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s67_OpsgenieServiceUpdateAttributes = {DD_T_OBJECT, "OpsgenieServiceUpdateAttributes", f66_OpsgenieServiceUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f68_OpsgenieServiceUpdateData[] = {
    {"id", &s57_string_1_to_100_characte, R, "the service's ID (1 to 100 characters)"},
    {"type", &s55_opsgenie_service, R, NULL},
    {"attributes", &s67_OpsgenieServiceUpdateAttributes, R, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s69_OpsgenieServiceUpdateData = {DD_T_OBJECT, "OpsgenieServiceUpdateData", f68_OpsgenieServiceUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f70_OpsgenieServiceUpdateRequest[] = {
    {"data", &s69_OpsgenieServiceUpdateData, R, "Opsgenie service for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s71_OpsgenieServiceUpdateRequest = {DD_T_OBJECT, "OpsgenieServiceUpdateRequest", f70_OpsgenieServiceUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f72_PagerDutyService[] = {
    {"service_key", &s4_string, R | SECRET, "PagerDuty service key (a secret)"},
    {"service_name", &s4_string, R, "service name"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s73_PagerDutyService = {DD_T_OBJECT, "PagerDutyService", f72_PagerDutyService, 0, 0, 0, 0, 0, 0};
static const dd_field f74_PagerDutyServiceKey[] = {
    {"service_key", &s4_string, R | SECRET, "PagerDuty service key (a secret)"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s75_PagerDutyServiceKey = {DD_T_OBJECT, "PagerDutyServiceKey", f74_PagerDutyServiceKey, 0, 0, 0, 0, 0, 0};
static const char *const s76_incidents_enum[] = {"incidents", NULL};
static const dd_schema s76_incidents = {DD_T_STRING, "\"incidents\"", 0, 0, 0, s76_incidents_enum, 0, 0, 0};
static const dd_schema s78_array = {DD_T_ARRAY, "array", 0, &s38_any, 0, 0, 0, 0, 0};
static const dd_field f79_IncidentCreateAttributes[] = {
    {"title", &s4_string, R, "title of the incident"},
    {"customer_impacted", &s37_boolean, R, "whether customers are impacted"},
    {"customer_impact_scope", &s4_string, N, NULL},
    {"fields", &s38_any, 0, "incident fields by name"},
    {"incident_type_uuid", &s4_string, N, NULL},
    {"initial_cells", &s78_array, 0, NULL},
    {"is_test", &s37_boolean, 0, NULL},
    {"notification_handles", &s78_array, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s80_IncidentCreateAttributes = {DD_T_OBJECT, "IncidentCreateAttributes", f79_IncidentCreateAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s81_users_enum[] = {"users", NULL};
static const dd_schema s81_users = {DD_T_STRING, "\"users\"", 0, 0, 0, s81_users_enum, 0, 0, 0};
static const dd_field f83_NullableRelationshipToUserData[] = {
    {"id", &s4_string, R, "A unique identifier that represents the user."},
    {"type", &s81_users, R, "Users resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s84_NullableRelationshipToUserData = {DD_T_OBJECT, "NullableRelationshipToUserData", f83_NullableRelationshipToUserData, 0, 0, 0, 0, 0, 0};
static const dd_field f85_NullableRelationshipToUser[] = {
    {"data", &s84_NullableRelationshipToUserData, R, "Relationship to user object."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s86_NullableRelationshipToUser = {DD_T_OBJECT, "NullableRelationshipToUser", f85_NullableRelationshipToUser, 0, 0, 0, 0, 0, 0};
static const dd_field f87_IncidentCreateRelationships[] = {
    {"commander_user", &s86_NullableRelationshipToUser, R, "Relationship to user."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s88_IncidentCreateRelationships = {DD_T_OBJECT, "IncidentCreateRelationships", f87_IncidentCreateRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f89_IncidentCreateData[] = {
    {"type", &s76_incidents, R, NULL},
    {"attributes", &s80_IncidentCreateAttributes, R, NULL},
    {"relationships", &s88_IncidentCreateRelationships, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s90_IncidentCreateData = {DD_T_OBJECT, "IncidentCreateData", f89_IncidentCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f91_IncidentCreateRequest[] = {
    {"data", &s90_IncidentCreateData, R, "Incident data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s92_IncidentCreateRequest = {DD_T_OBJECT, "IncidentCreateRequest", f91_IncidentCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f93_IncidentUpdateAttributes[] = {
    {"title", &s4_string, 0, NULL},
    {"customer_impacted", &s37_boolean, 0, NULL},
    {"customer_impact_end", &s23_string_date_time, N, NULL},
    {"customer_impact_scope", &s4_string, N, NULL},
    {"customer_impact_start", &s23_string_date_time, N, NULL},
    {"detected", &s23_string_date_time, N, NULL},
    {"fields", &s38_any, 0, NULL},
    {"notification_handles", &s78_array, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s94_IncidentUpdateAttributes = {DD_T_OBJECT, "IncidentUpdateAttributes", f93_IncidentUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f95_RelationshipToIncidentIntegrationMetadataData[] = {
    {"id", &s4_string, R, "A unique identifier that represents the integration metadata."},
    {"type", &s1_incident_integrations, R, "Integration metadata resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s96_RelationshipToIncidentIntegrationMetadataData = {DD_T_OBJECT, "RelationshipToIncidentIntegrationMetadataData", f95_RelationshipToIncidentIntegrationMetadataData, 0, 0, 0, 0, 0, 0};
static const dd_schema s97_array_of_RelationshipToI = {DD_T_ARRAY, "array of RelationshipToIncidentIntegrationMetadataData", 0, &s96_RelationshipToIncidentIntegrationMetadataData, 0, 0, 0, 0, 0};
static const dd_field f98_RelationshipToIncidentIntegrationMetadatas[] = {
    {"data", &s97_array_of_RelationshipToI, R, "Integration metadata relationship array"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s99_RelationshipToIncidentIntegrationMetadatas = {DD_T_OBJECT, "RelationshipToIncidentIntegrationMetadatas", f98_RelationshipToIncidentIntegrationMetadatas, 0, 0, 0, 0, 0, 0};
static const char *const s100_incident_postmortems_enum[] = {"incident_postmortems", NULL};
static const dd_schema s100_incident_postmortems = {DD_T_STRING, "\"incident_postmortems\"", 0, 0, 0, s100_incident_postmortems_enum, 0, 0, 0};
static const dd_field f102_RelationshipToIncidentPostmortemData[] = {
    {"id", &s4_string, R, "A unique identifier that represents the postmortem."},
    {"type", &s100_incident_postmortems, R, "Incident postmortem resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s103_RelationshipToIncidentPostmortemData = {DD_T_OBJECT, "RelationshipToIncidentPostmortemData", f102_RelationshipToIncidentPostmortemData, 0, 0, 0, 0, 0, 0};
static const dd_field f104_RelationshipToIncidentPostmortem[] = {
    {"data", &s103_RelationshipToIncidentPostmortemData, R, "The postmortem relationship data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s105_RelationshipToIncidentPostmortem = {DD_T_OBJECT, "RelationshipToIncidentPostmortem", f104_RelationshipToIncidentPostmortem, 0, 0, 0, 0, 0, 0};
static const dd_field f106_IncidentUpdateRelationships[] = {
    {"commander_user", &s86_NullableRelationshipToUser, N, "Relationship to user."},
    {"integrations", &s99_RelationshipToIncidentIntegrationMetadatas, N, "A relationship reference for multiple integration metadata objects."},
    {"postmortem", &s105_RelationshipToIncidentPostmortem, N, "A relationship reference for postmortems."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s107_IncidentUpdateRelationships = {DD_T_OBJECT, "IncidentUpdateRelationships", f106_IncidentUpdateRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f108_IncidentUpdateData[] = {
    {"id", &s4_string, R, "the incident's ID"},
    {"type", &s76_incidents, R, NULL},
    {"attributes", &s94_IncidentUpdateAttributes, 0, NULL},
    {"relationships", &s107_IncidentUpdateRelationships, 0, NULL},
    {NULL, NULL, 0, NULL}};
static const dd_schema s109_IncidentUpdateData = {DD_T_OBJECT, "IncidentUpdateData", f108_IncidentUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f110_IncidentUpdateRequest[] = {
    {"data", &s109_IncidentUpdateData, R, "Incident data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s111_IncidentUpdateRequest = {DD_T_OBJECT, "IncidentUpdateRequest", f110_IncidentUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s112_array_of_string = {DD_T_ARRAY, "array of string", 0, &s4_string, 0, 0, 0, 0, 0};
static const dd_field f113_IncidentHandleAttributesFields[] = {
    {"severity", &s112_array_of_string, N, "Severity levels associated with the handle"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s114_IncidentHandleAttributesFields = {DD_T_OBJECT, "IncidentHandleAttributesFields", f113_IncidentHandleAttributesFields, 0, 0, 0, 0, 0, 0};
static const dd_field f115_IncidentHandleAttributesRequest[] = {
    {"fields", &s114_IncidentHandleAttributesFields, N, "Dynamic fields associated with the handle"},
    {"name", &s4_string, R, "The handle name"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s116_IncidentHandleAttributesRequest = {DD_T_OBJECT, "IncidentHandleAttributesRequest", f115_IncidentHandleAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f117_IncidentHandleRelationshipData[] = {
    {"id", &s4_string, R, "The ID of the related resource"},
    {"type", &s4_string, R, "The type of the related resource"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s118_IncidentHandleRelationshipData = {DD_T_OBJECT, "IncidentHandleRelationshipData", f117_IncidentHandleRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f119_IncidentHandleRelationship[] = {
    {"data", &s118_IncidentHandleRelationshipData, R, "Relationship data for an incident handle, containing the ID and type of the related resource."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s120_IncidentHandleRelationship = {DD_T_OBJECT, "IncidentHandleRelationship", f119_IncidentHandleRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f121_IncidentHandleRelationshipsRequest[] = {
    {"commander_user", &s120_IncidentHandleRelationship, N, "A single relationship object for an incident handle, wrapping the related resource data."},
    {"incident_type", &s120_IncidentHandleRelationship, R, "A single relationship object for an incident handle, wrapping the related resource data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s122_IncidentHandleRelationshipsRequest = {DD_T_OBJECT, "IncidentHandleRelationshipsRequest", f121_IncidentHandleRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s123_incidents_handles_enum[] = {"incidents_handles", NULL};
static const dd_schema s123_incidents_handles = {DD_T_STRING, "\"incidents_handles\"", 0, 0, 0, s123_incidents_handles_enum, 0, 0, 0};
static const dd_field f125_IncidentHandleDataRequest[] = {
    {"attributes", &s116_IncidentHandleAttributesRequest, R, "Incident handle attributes for requests"},
    {"id", &s4_string, N, "The ID of the incident handle (required for PUT requests)"},
    {"relationships", &s122_IncidentHandleRelationshipsRequest, N, "Relationships to associate with an incident handle in a create or update request."},
    {"type", &s123_incidents_handles, R, "Incident handle resource type"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s126_IncidentHandleDataRequest = {DD_T_OBJECT, "IncidentHandleDataRequest", f125_IncidentHandleDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f127_IncidentHandleRequest[] = {
    {"data", &s126_IncidentHandleDataRequest, R, "Data object representing an incident handle in a create or update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s128_IncidentHandleRequest = {DD_T_OBJECT, "IncidentHandleRequest", f127_IncidentHandleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f129_CreateAttachmentRequestDataAttributesAttachment[] = {
    {"documentUrl", &s4_string, N, "The URL of the attachment."},
    {"title", &s4_string, N, "The title of the attachment."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s130_CreateAttachmentRequestDataAttributesAttachment = {DD_T_OBJECT, "CreateAttachmentRequestDataAttributesAttachment", f129_CreateAttachmentRequestDataAttributesAttachment, 0, 0, 0, 0, 0, 0};
static const char *const s131_postmortem_link_enum[] = {"postmortem", "link", NULL};
static const dd_schema s131_postmortem_link = {DD_T_STRING, "\"postmortem\" | \"link\"", 0, 0, 0, s131_postmortem_link_enum, 0, 0, 0};
static const dd_field f133_CreateAttachmentRequestDataAttributes[] = {
    {"attachment", &s130_CreateAttachmentRequestDataAttributesAttachment, N, "The attachment object for creating an attachment."},
    {"attachment_type", &s131_postmortem_link, N, "The type of the attachment."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s134_CreateAttachmentRequestDataAttributes = {DD_T_OBJECT, "CreateAttachmentRequestDataAttributes", f133_CreateAttachmentRequestDataAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s135_incident_attachments_enum[] = {"incident_attachments", NULL};
static const dd_schema s135_incident_attachments = {DD_T_STRING, "\"incident_attachments\"", 0, 0, 0, s135_incident_attachments_enum, 0, 0, 0};
static const dd_field f137_CreateAttachmentRequestData[] = {
    {"attributes", &s134_CreateAttachmentRequestDataAttributes, N, "The attributes for creating an attachment."},
    {"id", &s4_string, N, "The unique identifier of the attachment."},
    {"type", &s135_incident_attachments, R, "The incident attachment resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s138_CreateAttachmentRequestData = {DD_T_OBJECT, "CreateAttachmentRequestData", f137_CreateAttachmentRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f139_CreateAttachmentRequest[] = {
    {"data", &s138_CreateAttachmentRequestData, N, "Attachment data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s140_CreateAttachmentRequest = {DD_T_OBJECT, "CreateAttachmentRequest", f139_CreateAttachmentRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f141_IncidentConfigurationDataAttributesRequest[] = {
    {"execute_integrations", &s37_boolean, N, "Whether to execute integrations for this incident."},
    {"execute_notification_rules", &s37_boolean, N, "Whether to execute notification rules for this incident."},
    {"include_in_analytics", &s37_boolean, N, "Whether to include this incident in analytics."},
    {"include_in_search", &s37_boolean, N, "Whether to include this incident in search results."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s142_IncidentConfigurationDataAttributesRequest = {DD_T_OBJECT, "IncidentConfigurationDataAttributesRequest", f141_IncidentConfigurationDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s143_incidents_configurations_enum[] = {"incidents_configurations", NULL};
static const dd_schema s143_incidents_configurations = {DD_T_STRING, "\"incidents_configurations\"", 0, 0, 0, s143_incidents_configurations_enum, 0, 0, 0};
static const dd_field f145_IncidentConfigurationDataRequest[] = {
    {"attributes", &s142_IncidentConfigurationDataAttributesRequest, N, "Attributes for creating an incident configuration."},
    {"type", &s143_incidents_configurations, R, "Incident configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s146_IncidentConfigurationDataRequest = {DD_T_OBJECT, "IncidentConfigurationDataRequest", f145_IncidentConfigurationDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f147_IncidentConfigurationRequest[] = {
    {"data", &s146_IncidentConfigurationDataRequest, R, "Incident configuration data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s148_IncidentConfigurationRequest = {DD_T_OBJECT, "IncidentConfigurationRequest", f147_IncidentConfigurationRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f149_IncidentGoogleChatConfigurationDataAttributesRequest[] = {
    {"domain_id", &s4_string, R, "The Google Chat domain ID."},
    {"space_name_template", &s4_string, R, "The template for the Google Chat space name."},
    {"space_target_audience_id", &s4_string, R, "The target audience ID for the Google Chat space."},
    {"space_time_zone", &s4_string, R, "The time zone for the Google Chat space."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s150_IncidentGoogleChatConfigurationDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationDataAttributesRequest", f149_IncidentGoogleChatConfigurationDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f151_RelationshipToIncidentTypeData[] = {
    {"id", &s4_string, R, "The incident type's ID."},
    {"type", &s34_incident_types, R, "Incident type resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s152_RelationshipToIncidentTypeData = {DD_T_OBJECT, "RelationshipToIncidentTypeData", f151_RelationshipToIncidentTypeData, 0, 0, 0, 0, 0, 0};
static const dd_field f153_RelationshipToIncidentType[] = {
    {"data", &s152_RelationshipToIncidentTypeData, R, "Relationship to incident type object."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s154_RelationshipToIncidentType = {DD_T_OBJECT, "RelationshipToIncidentType", f153_RelationshipToIncidentType, 0, 0, 0, 0, 0, 0};
static const dd_field f155_IncidentGoogleChatConfigurationRelationshipsRequest[] = {
    {"incident_type", &s154_RelationshipToIncidentType, R, "Relationship to an incident type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s156_IncidentGoogleChatConfigurationRelationshipsRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationRelationshipsRequest", f155_IncidentGoogleChatConfigurationRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s157_google_chat_configuratio_enum[] = {"google_chat_configurations", NULL};
static const dd_schema s157_google_chat_configuratio = {DD_T_STRING, "\"google_chat_configurations\"", 0, 0, 0, s157_google_chat_configuratio_enum, 0, 0, 0};
static const dd_field f159_IncidentGoogleChatConfigurationDataRequest[] = {
    {"attributes", &s150_IncidentGoogleChatConfigurationDataAttributesRequest, R, "Attributes for creating a Google Chat configuration."},
    {"relationships", &s156_IncidentGoogleChatConfigurationRelationshipsRequest, R, "Relationships for a Google Chat configuration create request."},
    {"type", &s157_google_chat_configuratio, R, "Google Chat configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s160_IncidentGoogleChatConfigurationDataRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationDataRequest", f159_IncidentGoogleChatConfigurationDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f161_IncidentGoogleChatConfigurationRequest[] = {
    {"data", &s160_IncidentGoogleChatConfigurationDataRequest, R, "Google Chat configuration data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s162_IncidentGoogleChatConfigurationRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationRequest", f161_IncidentGoogleChatConfigurationRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f163_IncidentGoogleMeetConfigurationDataAttributesRequest[] = {
    {"allow_manual_meeting_creation", &s37_boolean, R, "Whether to allow manual meeting creation."},
    {"auto_summarize", &s37_boolean, R, "Whether to auto-summarize meetings."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s164_IncidentGoogleMeetConfigurationDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationDataAttributesRequest", f163_IncidentGoogleMeetConfigurationDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f165_IncidentGoogleMeetConfigurationRelationshipsRequest[] = {
    {"incident_type", &s154_RelationshipToIncidentType, R, "Relationship to an incident type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s166_IncidentGoogleMeetConfigurationRelationshipsRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationRelationshipsRequest", f165_IncidentGoogleMeetConfigurationRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s167_google_meet_configuratio_enum[] = {"google_meet_configurations", NULL};
static const dd_schema s167_google_meet_configuratio = {DD_T_STRING, "\"google_meet_configurations\"", 0, 0, 0, s167_google_meet_configuratio_enum, 0, 0, 0};
static const dd_field f169_IncidentGoogleMeetConfigurationDataRequest[] = {
    {"attributes", &s164_IncidentGoogleMeetConfigurationDataAttributesRequest, R, "Attributes for creating a Google Meet configuration."},
    {"relationships", &s166_IncidentGoogleMeetConfigurationRelationshipsRequest, R, "Relationships for a Google Meet configuration create request."},
    {"type", &s167_google_meet_configuratio, R, "Google Meet configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s170_IncidentGoogleMeetConfigurationDataRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationDataRequest", f169_IncidentGoogleMeetConfigurationDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f171_IncidentGoogleMeetConfigurationRequest[] = {
    {"data", &s170_IncidentGoogleMeetConfigurationDataRequest, R, "Google Meet configuration data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s172_IncidentGoogleMeetConfigurationRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationRequest", f171_IncidentGoogleMeetConfigurationRequest, 0, 0, 0, 0, 0, 0};
static const dd_schema s173_object = {DD_T_ANY, "object", 0, 0, 0, 0, 0, 0, 0};
static const dd_field f174_IncidentImpactCreateAttributes[] = {
    {"description", &s4_string, R, "Description of the impact."},
    {"end_at", &s23_string_date_time, N, "Timestamp when the impact ended."},
    {"fields", &s173_object, N, "An object mapping impact field names to field values."},
    {"start_at", &s23_string_date_time, R, "Timestamp when the impact started."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s175_IncidentImpactCreateAttributes = {DD_T_OBJECT, "IncidentImpactCreateAttributes", f174_IncidentImpactCreateAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s176_incident_impacts_enum[] = {"incident_impacts", NULL};
static const dd_schema s176_incident_impacts = {DD_T_STRING, "\"incident_impacts\"", 0, 0, 0, s176_incident_impacts_enum, 0, 0, 0};
static const dd_field f178_IncidentImpactCreateData[] = {
    {"attributes", &s175_IncidentImpactCreateAttributes, R, "The incident impact's attributes for a create request."},
    {"type", &s176_incident_impacts, R, "Incident impact resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s179_IncidentImpactCreateData = {DD_T_OBJECT, "IncidentImpactCreateData", f178_IncidentImpactCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f180_IncidentImpactCreateRequest[] = {
    {"data", &s179_IncidentImpactCreateData, R, "Incident impact data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s181_IncidentImpactCreateRequest = {DD_T_OBJECT, "IncidentImpactCreateRequest", f180_IncidentImpactCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f182_IncidentImpactFieldChoice[] = {
    {"description", &s4_string, N, "The description of the choice."},
    {"display_name", &s4_string, R, "The display name of the choice."},
    {"value", &s4_string, R, "The value of the choice."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s183_IncidentImpactFieldChoice = {DD_T_OBJECT, "IncidentImpactFieldChoice", f182_IncidentImpactFieldChoice, 0, 0, 0, 0, 0, 0};
static const dd_schema s184_array_of_IncidentImpactF = {DD_T_ARRAY, "array of IncidentImpactFieldChoice", 0, &s183_IncidentImpactFieldChoice, 0, 0, 0, 0, 0};
static const char *const s185_dropdown_text_textarray__enum[] = {"dropdown", "text", "textarray", "metrictag", "number", "datetime", "multiselect", NULL};
static const dd_schema s185_dropdown_text_textarray_ = {DD_T_STRING, "\"dropdown\" | \"text\" | \"textarray\" | \"metrictag\" | \"number\" | \"datetime\" | \"multiselect\"", 0, 0, 0, s185_dropdown_text_textarray__enum, 0, 0, 0};
static const dd_field f187_IncidentImpactFieldDataAttributesRequest[] = {
    {"display_name", &s4_string, R, "The display name of the impact field."},
    {"field_choices", &s184_array_of_IncidentImpactF, N, "The choices for dropdown or multiselect fields."},
    {"field_type", &s185_dropdown_text_textarray_, R, "The type of an impact field."},
    {"name", &s4_string, R, "The normalized name of the impact field (used as identifier)."},
    {"tag_key", &s4_string, N, "The tag key associated with the field (for metrictag type)."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s188_IncidentImpactFieldDataAttributesRequest = {DD_T_OBJECT, "IncidentImpactFieldDataAttributesRequest", f187_IncidentImpactFieldDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f189_IncidentImpactFieldRelationshipsRequest[] = {
    {"incident_type", &s154_RelationshipToIncidentType, R, "Relationship to an incident type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s190_IncidentImpactFieldRelationshipsRequest = {DD_T_OBJECT, "IncidentImpactFieldRelationshipsRequest", f189_IncidentImpactFieldRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s191_impact_fields_enum[] = {"impact_fields", NULL};
static const dd_schema s191_impact_fields = {DD_T_STRING, "\"impact_fields\"", 0, 0, 0, s191_impact_fields_enum, 0, 0, 0};
static const dd_field f193_IncidentImpactFieldDataRequest[] = {
    {"attributes", &s188_IncidentImpactFieldDataAttributesRequest, R, "Attributes for creating an impact field."},
    {"relationships", &s190_IncidentImpactFieldRelationshipsRequest, R, "Relationships for an impact field create request."},
    {"type", &s191_impact_fields, R, "Impact field resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s194_IncidentImpactFieldDataRequest = {DD_T_OBJECT, "IncidentImpactFieldDataRequest", f193_IncidentImpactFieldDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f195_IncidentImpactFieldRequest[] = {
    {"data", &s194_IncidentImpactFieldDataRequest, R, "Impact field data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s196_IncidentImpactFieldRequest = {DD_T_OBJECT, "IncidentImpactFieldRequest", f195_IncidentImpactFieldRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f197_IncidentNotificationRuleConditionsItems[] = {
    {"field", &s4_string, R, "The incident field to evaluate"},
    {"values", &s112_array_of_string, R, "The value(s) to compare against."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s198_IncidentNotificationRuleConditionsItems = {DD_T_OBJECT, "IncidentNotificationRuleConditionsItems", f197_IncidentNotificationRuleConditionsItems, 0, 0, 0, 0, 0, 0};
static const dd_schema s199_array_of_IncidentNotific = {DD_T_ARRAY, "array of IncidentNotificationRuleConditionsItems", 0, &s198_IncidentNotificationRuleConditionsItems, 0, 0, 0, 0, 0};
static const char *const s200_all_organization_private_enum[] = {"all", "organization", "private", NULL};
static const dd_schema s200_all_organization_private = {DD_T_STRING, "\"all\" | \"organization\" | \"private\"", 0, 0, 0, s200_all_organization_private_enum, 0, 0, 0};
static const dd_field f202_IncidentNotificationRuleCreateAttributes[] = {
    {"conditions", &s199_array_of_IncidentNotific, R, "The conditions that trigger this notification rule."},
    {"enabled", &s37_boolean, N, "Whether the notification rule is enabled."},
    {"handles", &s112_array_of_string, R, "The notification handles (targets) for this rule."},
    {"renotify_on", &s112_array_of_string, N, "List of incident fields that trigger re-notification when changed."},
    {"trigger", &s4_string, R, "The trigger event for this notification rule."},
    {"visibility", &s200_all_organization_private, N, "The visibility of the notification rule."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s203_IncidentNotificationRuleCreateAttributes = {DD_T_OBJECT, "IncidentNotificationRuleCreateAttributes", f202_IncidentNotificationRuleCreateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_schema s204_string_uuid = {DD_T_STRING, "string (uuid)", 0, 0, 0, 0, 0, 0, 0};
static const char *const s205_notification_templates_enum[] = {"notification_templates", NULL};
static const dd_schema s205_notification_templates = {DD_T_STRING, "\"notification_templates\"", 0, 0, 0, s205_notification_templates_enum, 0, 0, 0};
static const dd_field f207_RelationshipToIncidentNotificationTemplateData[] = {
    {"id", &s204_string_uuid, R, "The unique identifier of the notification template."},
    {"type", &s205_notification_templates, R, "Notification templates resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s208_RelationshipToIncidentNotificationTemplateData = {DD_T_OBJECT, "RelationshipToIncidentNotificationTemplateData", f207_RelationshipToIncidentNotificationTemplateData, 0, 0, 0, 0, 0, 0};
static const dd_field f209_RelationshipToIncidentNotificationTemplate[] = {
    {"data", &s208_RelationshipToIncidentNotificationTemplateData, R, "The notification template relationship data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s210_RelationshipToIncidentNotificationTemplate = {DD_T_OBJECT, "RelationshipToIncidentNotificationTemplate", f209_RelationshipToIncidentNotificationTemplate, 0, 0, 0, 0, 0, 0};
static const dd_field f211_IncidentNotificationRuleCreateDataRelationships[] = {
    {"incident_type", &s154_RelationshipToIncidentType, N, "Relationship to an incident type."},
    {"notification_template", &s210_RelationshipToIncidentNotificationTemplate, N, "A relationship reference to a notification template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s212_IncidentNotificationRuleCreateDataRelationships = {DD_T_OBJECT, "IncidentNotificationRuleCreateDataRelationships", f211_IncidentNotificationRuleCreateDataRelationships, 0, 0, 0, 0, 0, 0};
static const char *const s213_incident_notification_ru_enum[] = {"incident_notification_rules", NULL};
static const dd_schema s213_incident_notification_ru = {DD_T_STRING, "\"incident_notification_rules\"", 0, 0, 0, s213_incident_notification_ru_enum, 0, 0, 0};
static const dd_field f215_IncidentNotificationRuleCreateData[] = {
    {"attributes", &s203_IncidentNotificationRuleCreateAttributes, R, "The attributes for creating a notification rule."},
    {"relationships", &s212_IncidentNotificationRuleCreateDataRelationships, N, "The definition of `NotificationRuleCreateDataRelationships` object."},
    {"type", &s213_incident_notification_ru, R, "Notification rules resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s216_IncidentNotificationRuleCreateData = {DD_T_OBJECT, "IncidentNotificationRuleCreateData", f215_IncidentNotificationRuleCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f217_CreateIncidentNotificationRuleRequest[] = {
    {"data", &s216_IncidentNotificationRuleCreateData, R, "Notification rule data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s218_CreateIncidentNotificationRuleRequest = {DD_T_OBJECT, "CreateIncidentNotificationRuleRequest", f217_CreateIncidentNotificationRuleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f219_IncidentNotificationTemplateCreateAttributes[] = {
    {"category", &s4_string, R, "The category of the notification template."},
    {"content", &s4_string, R, "The content body of the notification template."},
    {"name", &s4_string, R, "The name of the notification template."},
    {"subject", &s4_string, R, "The subject line of the notification template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s220_IncidentNotificationTemplateCreateAttributes = {DD_T_OBJECT, "IncidentNotificationTemplateCreateAttributes", f219_IncidentNotificationTemplateCreateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f221_IncidentNotificationTemplateCreateDataRelationships[] = {
    {"incident_type", &s154_RelationshipToIncidentType, N, "Relationship to an incident type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s222_IncidentNotificationTemplateCreateDataRelationships = {DD_T_OBJECT, "IncidentNotificationTemplateCreateDataRelationships", f221_IncidentNotificationTemplateCreateDataRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f223_IncidentNotificationTemplateCreateData[] = {
    {"attributes", &s220_IncidentNotificationTemplateCreateAttributes, R, "The attributes for creating a notification template."},
    {"relationships", &s222_IncidentNotificationTemplateCreateDataRelationships, N, "The definition of `NotificationTemplateCreateDataRelationships` object."},
    {"type", &s205_notification_templates, R, "Notification templates resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s224_IncidentNotificationTemplateCreateData = {DD_T_OBJECT, "IncidentNotificationTemplateCreateData", f223_IncidentNotificationTemplateCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f225_CreateIncidentNotificationTemplateRequest[] = {
    {"data", &s224_IncidentNotificationTemplateCreateData, R, "Notification template data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s226_CreateIncidentNotificationTemplateRequest = {DD_T_OBJECT, "CreateIncidentNotificationTemplateRequest", f225_CreateIncidentNotificationTemplateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f227_PostmortemCellDefinition[] = {
    {"content", &s4_string, N, "The content of the cell in markdown format"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s228_PostmortemCellDefinition = {DD_T_OBJECT, "PostmortemCellDefinition", f227_PostmortemCellDefinition, 0, 0, 0, 0, 0, 0};
static const dd_field f229_PostmortemCellAttributes[] = {
    {"definition", &s228_PostmortemCellDefinition, N, "Definition of a postmortem cell"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s230_PostmortemCellAttributes = {DD_T_OBJECT, "PostmortemCellAttributes", f229_PostmortemCellAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s231_markdown_enum[] = {"markdown", NULL};
static const dd_schema s231_markdown = {DD_T_STRING, "\"markdown\"", 0, 0, 0, s231_markdown_enum, 0, 0, 0};
static const dd_field f233_PostmortemCell[] = {
    {"attributes", &s230_PostmortemCellAttributes, N, "Attributes of a postmortem cell"},
    {"id", &s4_string, N, "The unique identifier of the cell"},
    {"type", &s231_markdown, N, "The postmortem cell resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s234_PostmortemCell = {DD_T_OBJECT, "PostmortemCell", f233_PostmortemCell, 0, 0, 0, 0, 0, 0};
static const dd_schema s235_array_of_PostmortemCell = {DD_T_ARRAY, "array of PostmortemCell", 0, &s234_PostmortemCell, 0, 0, 0, 0, 0};
static const dd_field f236_PostmortemAttachmentRequestAttributes[] = {
    {"cells", &s235_array_of_PostmortemCell, N, "The cells of the postmortem"},
    {"content", &s4_string, N, "The content of the postmortem"},
    {"postmortem_template_id", &s4_string, N, "The ID of the postmortem template"},
    {"title", &s4_string, N, "The title of the postmortem"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s237_PostmortemAttachmentRequestAttributes = {DD_T_OBJECT, "PostmortemAttachmentRequestAttributes", f236_PostmortemAttachmentRequestAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f238_PostmortemAttachmentRequestData[] = {
    {"attributes", &s237_PostmortemAttachmentRequestAttributes, R, "Postmortem attachment attributes"},
    {"type", &s135_incident_attachments, R, "The incident attachment resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s239_PostmortemAttachmentRequestData = {DD_T_OBJECT, "PostmortemAttachmentRequestData", f238_PostmortemAttachmentRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f240_PostmortemAttachmentRequest[] = {
    {"data", &s239_PostmortemAttachmentRequestData, R, "Postmortem attachment data"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s241_PostmortemAttachmentRequest = {DD_T_OBJECT, "PostmortemAttachmentRequest", f240_PostmortemAttachmentRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f242_ConfluencePostmortemSettings[] = {
    {"account_id", &s4_string, R, "The ID of the Confluence integration account."},
    {"parent_id", &s4_string, N, "The ID of the parent Confluence page under which postmortems are created."},
    {"space_id", &s4_string, R, "The ID of the Confluence space where postmortems are created."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s243_ConfluencePostmortemSettings = {DD_T_OBJECT, "ConfluencePostmortemSettings", f242_ConfluencePostmortemSettings, 0, 0, 0, 0, 0, 0};
static const dd_field f244_GoogleDocsPostmortemSettings[] = {
    {"account_id", &s4_string, R, "The ID of the Google Drive integration account."},
    {"parent_folder_id", &s4_string, R, "The ID of the Google Drive folder where postmortems are created."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s245_GoogleDocsPostmortemSettings = {DD_T_OBJECT, "GoogleDocsPostmortemSettings", f244_GoogleDocsPostmortemSettings, 0, 0, 0, 0, 0, 0};
static const char *const s246_datadog_notebooks_conflu_enum[] = {"datadog_notebooks", "confluence", "google_docs", NULL};
static const dd_schema s246_datadog_notebooks_conflu = {DD_T_STRING, "\"datadog_notebooks\" | \"confluence\" | \"google_docs\"", 0, 0, 0, s246_datadog_notebooks_conflu_enum, 0, 0, 0};
static const dd_field f248_PostmortemTemplateAttributesRequest[] = {
    {"confluence_postmortem_settings", &s243_ConfluencePostmortemSettings, N, "Settings for a postmortem template stored in Confluence."},
    {"content", &s4_string, N, "The templated content of the postmortem, supporting Markdown and incident template variables."},
    {"google_docs_postmortem_settings", &s245_GoogleDocsPostmortemSettings, N, "Settings for a postmortem template stored in Google Docs."},
    {"is_default", &s23_string_date_time, N, "When set, marks this template as a default."},
    {"location", &s246_datadog_notebooks_conflu, N, "The location where the postmortem is created and stored."},
    {"name", &s4_string, R, "The name of the template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s249_PostmortemTemplateAttributesRequest = {DD_T_OBJECT, "PostmortemTemplateAttributesRequest", f248_PostmortemTemplateAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f250_PostmortemTemplateIncidentTypeRelationshipData[] = {
    {"id", &s204_string_uuid, R, "The incident type identifier."},
    {"type", &s4_string, R, "The incident type resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s251_PostmortemTemplateIncidentTypeRelationshipData = {DD_T_OBJECT, "PostmortemTemplateIncidentTypeRelationshipData", f250_PostmortemTemplateIncidentTypeRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f252_PostmortemTemplateIncidentTypeRelationship[] = {
    {"data", &s251_PostmortemTemplateIncidentTypeRelationshipData, R, "Incident type relationship data."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s253_PostmortemTemplateIncidentTypeRelationship = {DD_T_OBJECT, "PostmortemTemplateIncidentTypeRelationship", f252_PostmortemTemplateIncidentTypeRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f254_PostmortemTemplateCreateRelationships[] = {
    {"incident_type", &s253_PostmortemTemplateIncidentTypeRelationship, N, "Relationship to the incident type this template belongs to."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s255_PostmortemTemplateCreateRelationships = {DD_T_OBJECT, "PostmortemTemplateCreateRelationships", f254_PostmortemTemplateCreateRelationships, 0, 0, 0, 0, 0, 0};
static const char *const s256_postmortem_templates_pos_enum[] = {"postmortem_templates", "postmortem_template", NULL};
static const dd_schema s256_postmortem_templates_pos = {DD_T_STRING, "\"postmortem_templates\" | \"postmortem_template\"", 0, 0, 0, s256_postmortem_templates_pos_enum, 0, 0, 0};
static const dd_field f258_PostmortemTemplateDataRequest[] = {
    {"attributes", &s249_PostmortemTemplateAttributesRequest, R, "Attributes for creating or updating a postmortem template."},
    {"id", &s4_string, N, "The ID of the template."},
    {"relationships", &s255_PostmortemTemplateCreateRelationships, N, "Relationships for a postmortem template."},
    {"type", &s256_postmortem_templates_pos, R, "Postmortem template resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s259_PostmortemTemplateDataRequest = {DD_T_OBJECT, "PostmortemTemplateDataRequest", f258_PostmortemTemplateDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f260_PostmortemTemplateRequest[] = {
    {"data", &s259_PostmortemTemplateDataRequest, R, "Data object for creating or updating a postmortem template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s261_PostmortemTemplateRequest = {DD_T_OBJECT, "PostmortemTemplateRequest", f260_PostmortemTemplateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f262_IncidentResponderUserRelationshipData[] = {
    {"id", &s204_string_uuid, R, "The user identifier."},
    {"type", &s4_string, R, "The user resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s263_IncidentResponderUserRelationshipData = {DD_T_OBJECT, "IncidentResponderUserRelationshipData", f262_IncidentResponderUserRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f264_IncidentResponderUserRelationship[] = {
    {"data", &s263_IncidentResponderUserRelationshipData, R, "A user relationship data object for creating a responder."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s265_IncidentResponderUserRelationship = {DD_T_OBJECT, "IncidentResponderUserRelationship", f264_IncidentResponderUserRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f266_IncidentResponderRelationshipsRequest[] = {
    {"user", &s265_IncidentResponderUserRelationship, R, "Relationship to a user for a responder create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s267_IncidentResponderRelationshipsRequest = {DD_T_OBJECT, "IncidentResponderRelationshipsRequest", f266_IncidentResponderRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s268_incident_responders_enum[] = {"incident_responders", NULL};
static const dd_schema s268_incident_responders = {DD_T_STRING, "\"incident_responders\"", 0, 0, 0, s268_incident_responders_enum, 0, 0, 0};
static const dd_field f270_IncidentResponderDataRequest[] = {
    {"relationships", &s267_IncidentResponderRelationshipsRequest, R, "Relationships for creating an incident responder."},
    {"type", &s268_incident_responders, R, "Incident responder resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s271_IncidentResponderDataRequest = {DD_T_OBJECT, "IncidentResponderDataRequest", f270_IncidentResponderDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f272_IncidentResponderRequest[] = {
    {"data", &s271_IncidentResponderDataRequest, R, "Incident responder data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s273_IncidentResponderRequest = {DD_T_OBJECT, "IncidentResponderRequest", f272_IncidentResponderRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f274_IncidentRuleQueryCondition[] = {
    {"normalized_query", &s4_string, N, "The normalized query string."},
    {"raw_query", &s4_string, N, "The raw query string."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s275_IncidentRuleQueryCondition = {DD_T_OBJECT, "IncidentRuleQueryCondition", f274_IncidentRuleQueryCondition, 0, 0, 0, 0, 0, 0};
static const dd_schema s276_int64 = {DD_T_INT32, "int64", 0, 0, 0, 0, INT64_LO, INT64_HI, 0};
static const dd_field f277_IncidentRuleCondition[] = {
    {"field", &s4_string, R, "The field to match on."},
    {"values", &s112_array_of_string, R, "The values to match."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s278_IncidentRuleCondition = {DD_T_OBJECT, "IncidentRuleCondition", f277_IncidentRuleCondition, 0, 0, 0, 0, 0, 0};
static const dd_schema s279_array_of_IncidentRuleCon = {DD_T_ARRAY, "array of IncidentRuleCondition", 0, &s278_IncidentRuleCondition, 0, 0, 0, 0, 0};
static const dd_schema s280_integer_1_to_2 = {DD_T_INT32, "integer 1 to 2", 0, 0, 0, 0, 1, 2, 0};
static const char *const s281_jira_create_issue_job_no_enum[] = {"jira-create-issue-job", "notify-incident-handles-job", "servicenow-create-incident-job", "slack-create-channel-job", "zoom-create-meeting-job", "google-meet-create-meeting-job", "workflow-automation-job", "ms-teams-create-meeting-job", "google-chat-create-space-job", "zoom-suppress-summarization-job", "ms-teams-suppress-summarization-job", "google-meet-suppress-summarization-job", NULL};
static const dd_schema s281_jira_create_issue_job_no = {DD_T_STRING, "\"jira-create-issue-job\" | \"notify-incident-handles-job\" | \"servicenow-create-incident-job\" | \"slack-create-channel-job\" | \"zoom-create-meeting-job\" | \"google-meet-create-meeting-job\" | \"workflow-automation-job\" | \"ms-teams-create-meeting-job\" | \"google-chat-create-space-job\" | \"zoom-suppress-summarization-job\" | \"ms-teams-suppress-summarization-job\" | \"google-meet-suppress-summarization-job\"", 0, 0, 0, s281_jira_create_issue_job_no_enum, 0, 0, 0};
static const char *const s283_incident_saved_trigger_i_enum[] = {"incident_saved_trigger", "incident_created_trigger", "incident_modified_trigger", NULL};
static const dd_schema s283_incident_saved_trigger_i = {DD_T_STRING, "\"incident_saved_trigger\" | \"incident_created_trigger\" | \"incident_modified_trigger\"", 0, 0, 0, s283_incident_saved_trigger_i_enum, 0, 0, 0};
static const dd_field f285_IncidentRuleDataAttributesRequest[] = {
    {"condition", &s275_IncidentRuleQueryCondition, R, "A query-based condition for an incident rule."},
    {"condition_table_type", &s276_int64, R, "The condition table type."},
    {"conditions", &s279_array_of_IncidentRuleCon, N, "List of field-based conditions."},
    {"enabled", &s37_boolean, R, "Whether the rule is enabled."},
    {"execution_type", &s280_integer_1_to_2, R, "The execution type of an incident rule."},
    {"incident_type_uuid", &s204_string_uuid, N, "The UUID of the incident type this rule applies to."},
    {"match_any_condition", &s37_boolean, N, "Whether any condition (OR logic) should match instead of all (AND logic)."},
    {"task_id", &s281_jira_create_issue_job_no, R, "The task ID for an incident rule."},
    {"task_payload", &s4_string, R, "The JSON-encoded payload for the task."},
    {"trigger", &s283_incident_saved_trigger_i, N, "The trigger event for an incident rule."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s286_IncidentRuleDataAttributesRequest = {DD_T_OBJECT, "IncidentRuleDataAttributesRequest", f285_IncidentRuleDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s287_incident_rules_enum[] = {"incident_rules", NULL};
static const dd_schema s287_incident_rules = {DD_T_STRING, "\"incident_rules\"", 0, 0, 0, s287_incident_rules_enum, 0, 0, 0};
static const dd_field f289_IncidentRuleDataRequest[] = {
    {"attributes", &s286_IncidentRuleDataAttributesRequest, R, "Attributes for creating an incident rule."},
    {"type", &s287_incident_rules, R, "Incident rule resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s290_IncidentRuleDataRequest = {DD_T_OBJECT, "IncidentRuleDataRequest", f289_IncidentRuleDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f291_IncidentRuleRequest[] = {
    {"data", &s290_IncidentRuleDataRequest, R, "Incident rule data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s292_IncidentRuleRequest = {DD_T_OBJECT, "IncidentRuleRequest", f291_IncidentRuleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f293_IncidentServiceNowRecordDataAttributesRequest[] = {
    {"assignment_group", &s4_string, R, "The ServiceNow assignment group."},
    {"configuration_item_mapping", &s4_string, R, "The ServiceNow configuration item mapping."},
    {"instance_name", &s4_string, R, "The ServiceNow instance name."},
    {"record_id", &s4_string, N, "An existing ServiceNow record ID (Sys ID) to link instead of creating a new record."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s294_IncidentServiceNowRecordDataAttributesRequest = {DD_T_OBJECT, "IncidentServiceNowRecordDataAttributesRequest", f293_IncidentServiceNowRecordDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s295_incident_servicenow_reco_enum[] = {"incident_servicenow_record_prompt", NULL};
static const dd_schema s295_incident_servicenow_reco = {DD_T_STRING, "\"incident_servicenow_record_prompt\"", 0, 0, 0, s295_incident_servicenow_reco_enum, 0, 0, 0};
static const dd_field f297_IncidentServiceNowRecordDataRequest[] = {
    {"attributes", &s294_IncidentServiceNowRecordDataAttributesRequest, R, "Attributes for creating a ServiceNow record for an incident."},
    {"type", &s295_incident_servicenow_reco, R, "ServiceNow record prompt resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s298_IncidentServiceNowRecordDataRequest = {DD_T_OBJECT, "IncidentServiceNowRecordDataRequest", f297_IncidentServiceNowRecordDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f299_IncidentServiceNowRecordRequest[] = {
    {"data", &s298_IncidentServiceNowRecordDataRequest, R, "ServiceNow record data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s300_IncidentServiceNowRecordRequest = {DD_T_OBJECT, "IncidentServiceNowRecordRequest", f299_IncidentServiceNowRecordRequest, 0, 0, 0, 0, 0, 0};
static const char *const s301_slack_microsoft_teams_enum[] = {"slack", "microsoft_teams", NULL};
static const dd_schema s301_slack_microsoft_teams = {DD_T_STRING, "\"slack\" | \"microsoft_teams\"", 0, 0, 0, s301_slack_microsoft_teams_enum, 0, 0, 0};
static const dd_field f303_IncidentTodoAnonymousAssignee[] = {
    {"icon", &s4_string, R, "URL for assignee's icon."},
    {"id", &s4_string, R, "Anonymous assignee's ID."},
    {"name", &s4_string, R, "Assignee's name."},
    {"source", &s301_slack_microsoft_teams, R, "The source of the anonymous assignee."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s304_IncidentTodoAnonymousAssignee = {DD_T_OBJECT, "IncidentTodoAnonymousAssignee", f303_IncidentTodoAnonymousAssignee, 0, 0, 0, 0, 0, 0};
static const dd_schema *const u305_IncidentTodoAssignee[] = {&s4_string, &s304_IncidentTodoAnonymousAssignee, NULL};
static const dd_schema s306_IncidentTodoAssignee = {DD_T_UNION, "string | IncidentTodoAnonymousAssignee", 0, 0, u305_IncidentTodoAssignee, 0, 0, 0, 0};
static const dd_schema s307_array_of_string_Incident = {DD_T_ARRAY, "array of string | IncidentTodoAnonymousAssignee", 0, &s306_IncidentTodoAssignee, 0, 0, 0, 0, 0};
static const dd_field f308_IncidentTodoAttributes[] = {
    {"assignees", &s307_array_of_string_Incident, R, "Array of todo assignees."},
    {"completed", &s4_string, N, "Timestamp when the todo was completed."},
    {"content", &s4_string, R, "The follow-up task's content."},
    {"created", &s23_string_date_time, N, "Timestamp when the incident todo was created."},
    {"due_date", &s4_string, N, "Timestamp when the todo should be completed by."},
    {"incident_id", &s4_string, N, "UUID of the incident this todo is connected to."},
    {"modified", &s23_string_date_time, N, "Timestamp when the incident todo was last modified."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s309_IncidentTodoAttributes = {DD_T_OBJECT, "IncidentTodoAttributes", f308_IncidentTodoAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s310_incident_todos_enum[] = {"incident_todos", NULL};
static const dd_schema s310_incident_todos = {DD_T_STRING, "\"incident_todos\"", 0, 0, 0, s310_incident_todos_enum, 0, 0, 0};
static const dd_field f312_IncidentTodoCreateData[] = {
    {"attributes", &s309_IncidentTodoAttributes, R, "Incident todo's attributes."},
    {"type", &s310_incident_todos, R, "Todo resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s313_IncidentTodoCreateData = {DD_T_OBJECT, "IncidentTodoCreateData", f312_IncidentTodoCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f314_IncidentTodoCreateRequest[] = {
    {"data", &s313_IncidentTodoCreateData, R, "Incident todo data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s315_IncidentTodoCreateRequest = {DD_T_OBJECT, "IncidentTodoCreateRequest", f314_IncidentTodoCreateRequest, 0, 0, 0, 0, 0, 0};
static const char *const s316_what_happened_why_it_hap_enum[] = {"what_happened", "why_it_happened", NULL};
static const dd_schema s316_what_happened_why_it_hap = {DD_T_STRING, "\"what_happened\" | \"why_it_happened\"", 0, 0, 0, s316_what_happened_why_it_hap_enum, 0, 0, 0};
static const char *const s318_active_stable_resolved_c_enum[] = {"active", "stable", "resolved", "completed", NULL};
static const dd_schema s318_active_stable_resolved_c = {DD_T_STRING, "\"active\" | \"stable\" | \"resolved\" | \"completed\"", 0, 0, 0, s318_active_stable_resolved_c_enum, 0, 0, 0};
static const dd_schema s320_integer_1_to_8 = {DD_T_INT32, "integer 1 to 8", 0, 0, 0, 0, 1, 8, 0};
static const dd_field f321_IncidentUserDefinedFieldValidValue[] = {
    {"description", &s4_string, N, "A detailed description of the valid value."},
    {"display_name", &s4_string, R, "The human-readable display name for this value."},
    {"short_description", &s4_string, N, "A short description of the valid value."},
    {"value", &s4_string, R, "The identifier that is stored when this option is selected."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s322_IncidentUserDefinedFieldValidValue = {DD_T_OBJECT, "IncidentUserDefinedFieldValidValue", f321_IncidentUserDefinedFieldValidValue, 0, 0, 0, 0, 0, 0};
static const dd_schema s323_array_of_IncidentUserDef = {DD_T_ARRAY, "array of IncidentUserDefinedFieldValidValue", 0, &s322_IncidentUserDefinedFieldValidValue, 0, 0, 0, 0, 0};
static const dd_field f324_IncidentUserDefinedFieldAttributesCreateRequest[] = {
    {"category", &s316_what_happened_why_it_hap, N, "The section in which the field appears: \"what_happened\" or \"why_it_happened\"."},
    {"collected", &s318_active_stable_resolved_c, N, "The lifecycle stage at which the app prompts users to fill out this field."},
    {"default_value", &s4_string, N, "The default value for the field."},
    {"display_name", &s4_string, N, "The human-readable name shown in the UI."},
    {"name", &s4_string, R, "The unique identifier of the field."},
    {"ordinal", &s4_string, N, "A decimal string representing the field's display order in the UI."},
    {"required", &s37_boolean, N, "When true, users must fill out this field on incidents."},
    {"tag_key", &s4_string, N, "For metric tag-type fields only, the metric tag key that powers the autocomplete options."},
    {"type", &s320_integer_1_to_8, R, "The data type of the field."},
    {"valid_values", &s323_array_of_IncidentUserDef, N, "The list of allowed values for dropdown and multiselect fields."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s325_IncidentUserDefinedFieldAttributesCreateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldAttributesCreateRequest", f324_IncidentUserDefinedFieldAttributesCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f326_IncidentUserDefinedFieldCreateRelationships[] = {
    {"incident_type", &s154_RelationshipToIncidentType, R, "Relationship to an incident type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s327_IncidentUserDefinedFieldCreateRelationships = {DD_T_OBJECT, "IncidentUserDefinedFieldCreateRelationships", f326_IncidentUserDefinedFieldCreateRelationships, 0, 0, 0, 0, 0, 0};
static const char *const s328_user_defined_field_enum[] = {"user_defined_field", NULL};
static const dd_schema s328_user_defined_field = {DD_T_STRING, "\"user_defined_field\"", 0, 0, 0, s328_user_defined_field_enum, 0, 0, 0};
static const dd_field f330_IncidentUserDefinedFieldCreateData[] = {
    {"attributes", &s325_IncidentUserDefinedFieldAttributesCreateRequest, R, "Attributes for creating an incident user-defined field."},
    {"relationships", &s327_IncidentUserDefinedFieldCreateRelationships, R, "Relationships for creating an incident user-defined field."},
    {"type", &s328_user_defined_field, R, "The incident user defined fields type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s331_IncidentUserDefinedFieldCreateData = {DD_T_OBJECT, "IncidentUserDefinedFieldCreateData", f330_IncidentUserDefinedFieldCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f332_IncidentUserDefinedFieldCreateRequest[] = {
    {"data", &s331_IncidentUserDefinedFieldCreateData, R, "Data for creating an incident user-defined field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s333_IncidentUserDefinedFieldCreateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldCreateRequest", f332_IncidentUserDefinedFieldCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f334_IncidentUserDefinedRolePolicy[] = {
    {"is_single", &s37_boolean, R, "Whether this role can only be assigned to one responder at a time."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s335_IncidentUserDefinedRolePolicy = {DD_T_OBJECT, "IncidentUserDefinedRolePolicy", f334_IncidentUserDefinedRolePolicy, 0, 0, 0, 0, 0, 0};
static const dd_field f336_IncidentUserDefinedRoleDataAttributesRequest[] = {
    {"description", &s4_string, N, "A description of the user-defined role."},
    {"name", &s4_string, R, "The name of the user-defined role."},
    {"policy", &s335_IncidentUserDefinedRolePolicy, N, "Policy configuration for a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s337_IncidentUserDefinedRoleDataAttributesRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleDataAttributesRequest", f336_IncidentUserDefinedRoleDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f338_IncidentUserDefinedRoleIncidentTypeRelationshipData[] = {
    {"id", &s204_string_uuid, R, "The ID of the incident type."},
    {"type", &s4_string, R, "The type of the resource."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s339_IncidentUserDefinedRoleIncidentTypeRelationshipData = {DD_T_OBJECT, "IncidentUserDefinedRoleIncidentTypeRelationshipData", f338_IncidentUserDefinedRoleIncidentTypeRelationshipData, 0, 0, 0, 0, 0, 0};
static const dd_field f340_IncidentUserDefinedRoleIncidentTypeRelationship[] = {
    {"data", &s339_IncidentUserDefinedRoleIncidentTypeRelationshipData, R, "Data for the incident type relationship of a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s341_IncidentUserDefinedRoleIncidentTypeRelationship = {DD_T_OBJECT, "IncidentUserDefinedRoleIncidentTypeRelationship", f340_IncidentUserDefinedRoleIncidentTypeRelationship, 0, 0, 0, 0, 0, 0};
static const dd_field f342_IncidentUserDefinedRoleRelationshipsRequest[] = {
    {"incident_type", &s341_IncidentUserDefinedRoleIncidentTypeRelationship, R, "Relationship to an incident type for a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s343_IncidentUserDefinedRoleRelationshipsRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleRelationshipsRequest", f342_IncidentUserDefinedRoleRelationshipsRequest, 0, 0, 0, 0, 0, 0};
static const char *const s344_incident_user_defined_ro_enum[] = {"incident_user_defined_roles", NULL};
static const dd_schema s344_incident_user_defined_ro = {DD_T_STRING, "\"incident_user_defined_roles\"", 0, 0, 0, s344_incident_user_defined_ro_enum, 0, 0, 0};
static const dd_field f346_IncidentUserDefinedRoleDataRequest[] = {
    {"attributes", &s337_IncidentUserDefinedRoleDataAttributesRequest, R, "Attributes for creating an incident user-defined role."},
    {"relationships", &s343_IncidentUserDefinedRoleRelationshipsRequest, R, "Relationships for creating a user-defined role."},
    {"type", &s344_incident_user_defined_ro, R, "Incident user-defined role resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s347_IncidentUserDefinedRoleDataRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleDataRequest", f346_IncidentUserDefinedRoleDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f348_IncidentUserDefinedRoleRequest[] = {
    {"data", &s347_IncidentUserDefinedRoleDataRequest, R, "Data for creating an incident user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s349_IncidentUserDefinedRoleRequest = {DD_T_OBJECT, "IncidentUserDefinedRoleRequest", f348_IncidentUserDefinedRoleRequest, 0, 0, 0, 0, 0, 0};
static const char *const s350_incident_user_defined_ro_enum[] = {"incident_user_defined_roles", "incident_reserved_roles", NULL};
static const dd_schema s350_incident_user_defined_ro = {DD_T_STRING, "\"incident_user_defined_roles\" | \"incident_reserved_roles\"", 0, 0, 0, s350_incident_user_defined_ro_enum, 0, 0, 0};
static const dd_field f352_IncidentPageRoleReference[] = {
    {"id", &s204_string_uuid, R, "The role identifier."},
    {"type", &s350_incident_user_defined_ro, R, "The type of incident role for a page."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s353_IncidentPageRoleReference = {DD_T_OBJECT, "IncidentPageRoleReference", f352_IncidentPageRoleReference, 0, 0, 0, 0, 0, 0};
static const char *const s354_team_handle_team_uuid_us_enum[] = {"team_handle", "team_uuid", "user_uuid", NULL};
static const dd_schema s354_team_handle_team_uuid_us = {DD_T_STRING, "\"team_handle\" | \"team_uuid\" | \"user_uuid\"", 0, 0, 0, s354_team_handle_team_uuid_us_enum, 0, 0, 0};
static const dd_field f356_IncidentPageTarget[] = {
    {"identifier", &s4_string, R, "The identifier of the target (handle, UUID, or user UUID)."},
    {"type", &s354_team_handle_team_uuid_us, R, "The type of target for a page request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s357_IncidentPageTarget = {DD_T_OBJECT, "IncidentPageTarget", f356_IncidentPageTarget, 0, 0, 0, 0, 0, 0};
static const dd_field f358_IncidentCreateOnCallPageDataAttributesRequest[] = {
    {"description", &s4_string, N, "The description of the page."},
    {"role", &s353_IncidentPageRoleReference, N, "A reference to an incident role for a page."},
    {"services", &s112_array_of_string, N, "List of affected services."},
    {"tags", &s112_array_of_string, N, "List of tags for the page."},
    {"target", &s357_IncidentPageTarget, N, "The target recipient for a page."},
    {"title", &s4_string, N, "The title of the page."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s359_IncidentCreateOnCallPageDataAttributesRequest = {DD_T_OBJECT, "IncidentCreateOnCallPageDataAttributesRequest", f358_IncidentCreateOnCallPageDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s360_page_enum[] = {"page", NULL};
static const dd_schema s360_page = {DD_T_STRING, "\"page\"", 0, 0, 0, s360_page_enum, 0, 0, 0};
static const dd_field f362_IncidentCreateOnCallPageDataRequest[] = {
    {"attributes", &s359_IncidentCreateOnCallPageDataAttributesRequest, R, "Attributes for creating an on-call page from an incident."},
    {"type", &s360_page, R, "Resource type for a page creation request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s363_IncidentCreateOnCallPageDataRequest = {DD_T_OBJECT, "IncidentCreateOnCallPageDataRequest", f362_IncidentCreateOnCallPageDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f364_IncidentCreateOnCallPageRequest[] = {
    {"data", &s363_IncidentCreateOnCallPageDataRequest, R, "On-call page data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s365_IncidentCreateOnCallPageRequest = {DD_T_OBJECT, "IncidentCreateOnCallPageRequest", f364_IncidentCreateOnCallPageRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f366_IncidentCreatePageFromIncidentDataAttributesRequest[] = {
    {"description", &s4_string, N, "The description of the page."},
    {"incident_public_id", &s4_string, N, "The public ID of the incident."},
    {"role", &s353_IncidentPageRoleReference, N, "A reference to an incident role for a page."},
    {"services", &s112_array_of_string, N, "List of affected services."},
    {"tags", &s112_array_of_string, N, "List of tags for the page."},
    {"target", &s357_IncidentPageTarget, N, "The target recipient for a page."},
    {"title", &s4_string, N, "The title of the page."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s367_IncidentCreatePageFromIncidentDataAttributesRequest = {DD_T_OBJECT, "IncidentCreatePageFromIncidentDataAttributesRequest", f366_IncidentCreatePageFromIncidentDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f368_IncidentCreatePageFromIncidentDataRequest[] = {
    {"attributes", &s367_IncidentCreatePageFromIncidentDataAttributesRequest, R, "Attributes for creating a page from an incident."},
    {"type", &s360_page, R, "Resource type for a page creation request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s369_IncidentCreatePageFromIncidentDataRequest = {DD_T_OBJECT, "IncidentCreatePageFromIncidentDataRequest", f368_IncidentCreatePageFromIncidentDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f370_IncidentCreatePageFromIncidentRequest[] = {
    {"data", &s369_IncidentCreatePageFromIncidentDataRequest, R, "Page data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s371_IncidentCreatePageFromIncidentRequest = {DD_T_OBJECT, "IncidentCreatePageFromIncidentRequest", f370_IncidentCreatePageFromIncidentRequest, 0, 0, 0, 0, 0, 0};
static const char *const s372_detected_resolved_declar_enum[] = {"detected", "resolved", "declared", NULL};
static const dd_schema s372_detected_resolved_declar = {DD_T_STRING, "\"detected\" | \"resolved\" | \"declared\"", 0, 0, 0, s372_detected_resolved_declar_enum, 0, 0, 0};
static const dd_field f374_IncidentTimestampOverrideDataAttributesRequest[] = {
    {"timestamp_type", &s372_detected_resolved_declar, R, "The type of timestamp to override."},
    {"timestamp_value", &s23_string_date_time, R, "The overridden timestamp value."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s375_IncidentTimestampOverrideDataAttributesRequest = {DD_T_OBJECT, "IncidentTimestampOverrideDataAttributesRequest", f374_IncidentTimestampOverrideDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s376_incidents_timestamp_over_enum[] = {"incidents_timestamp_overrides", NULL};
static const dd_schema s376_incidents_timestamp_over = {DD_T_STRING, "\"incidents_timestamp_overrides\"", 0, 0, 0, s376_incidents_timestamp_over_enum, 0, 0, 0};
static const dd_field f378_IncidentTimestampOverrideDataRequest[] = {
    {"attributes", &s375_IncidentTimestampOverrideDataAttributesRequest, R, "Attributes for creating a timestamp override."},
    {"type", &s376_incidents_timestamp_over, R, "Incident timestamp override resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s379_IncidentTimestampOverrideDataRequest = {DD_T_OBJECT, "IncidentTimestampOverrideDataRequest", f378_IncidentTimestampOverrideDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f380_IncidentTimestampOverrideRequest[] = {
    {"data", &s379_IncidentTimestampOverrideDataRequest, R, "Timestamp override data in a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s381_IncidentTimestampOverrideRequest = {DD_T_OBJECT, "IncidentTimestampOverrideRequest", f380_IncidentTimestampOverrideRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f382_IncidentImportFieldAttributesSingleValue[] = {
    {"value", &s4_string, N, "The single value selected for this field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s383_IncidentImportFieldAttributesSingleValue = {DD_T_OBJECT, "IncidentImportFieldAttributesSingleValue", f382_IncidentImportFieldAttributesSingleValue, 0, 0, 0, 0, 0, 0};
static const dd_field f384_IncidentImportFieldAttributesMultipleValue[] = {
    {"value", &s112_array_of_string, N, "The multiple values selected for this field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s385_IncidentImportFieldAttributesMultipleValue = {DD_T_OBJECT, "IncidentImportFieldAttributesMultipleValue", f384_IncidentImportFieldAttributesMultipleValue, 0, 0, 0, 0, 0, 0};
static const dd_schema *const u386_IncidentImportFieldAttributes[] = {&s383_IncidentImportFieldAttributesSingleValue, &s385_IncidentImportFieldAttributesMultipleValue, NULL};
static const dd_schema s387_IncidentImportFieldAttributes = {DD_T_UNION, "IncidentImportFieldAttributesSingleValue | IncidentImportFieldAttributesMultipleValue", 0, 0, u386_IncidentImportFieldAttributes, 0, 0, 0, 0};
static const dd_schema s388_map_of_IncidentImportFie = {DD_T_MAP, "map of IncidentImportFieldAttributesSingleValue | IncidentImportFieldAttributesMultipleValue", 0, &s387_IncidentImportFieldAttributes, 0, 0, 0, 0, 0};
static const char *const s389_organization_private_enum[] = {"organization", "private", NULL};
static const dd_schema s389_organization_private = {DD_T_STRING, "\"organization\" | \"private\"", 0, 0, 0, s389_organization_private_enum, 0, 0, 0};
static const dd_field f391_IncidentImportRequestAttributes[] = {
    {"declared", &s23_string_date_time, N, "Timestamp when the incident was declared."},
    {"detected", &s23_string_date_time, N, "Timestamp when the incident was detected."},
    {"fields", &s388_map_of_IncidentImportFie, N, "A condensed view of the user-defined fields for which to create initial selections."},
    {"incident_type_uuid", &s4_string, N, "A unique identifier that represents the incident type."},
    {"resolved", &s23_string_date_time, N, "Timestamp when the incident was resolved."},
    {"title", &s4_string, R, "The title of the incident that summarizes what happened."},
    {"visibility", &s389_organization_private, N, "The visibility of the incident."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s392_IncidentImportRequestAttributes = {DD_T_OBJECT, "IncidentImportRequestAttributes", f391_IncidentImportRequestAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f393_IncidentImportRelationships[] = {
    {"commander_user", &s86_NullableRelationshipToUser, N, "Relationship to user."},
    {"declared_by_user", &s86_NullableRelationshipToUser, N, "Relationship to user."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s394_IncidentImportRelationships = {DD_T_OBJECT, "IncidentImportRelationships", f393_IncidentImportRelationships, 0, 0, 0, 0, 0, 0};
static const dd_field f395_IncidentImportRequestData[] = {
    {"attributes", &s392_IncidentImportRequestAttributes, R, "The incident's attributes for an import request."},
    {"relationships", &s394_IncidentImportRelationships, N, "The relationships for an incident import request."},
    {"type", &s76_incidents, R, "Incident resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s396_IncidentImportRequestData = {DD_T_OBJECT, "IncidentImportRequestData", f395_IncidentImportRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f397_IncidentImportRequest[] = {
    {"data", &s396_IncidentImportRequestData, R, "Incident data for an import request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s398_IncidentImportRequest = {DD_T_OBJECT, "IncidentImportRequest", f397_IncidentImportRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f399_IncidentOnCallPageTarget[] = {
    {"identifier", &s4_string, R, "The identifier of the page target."},
    {"type", &s4_string, R, "The type of the page target."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s400_IncidentOnCallPageTarget = {DD_T_OBJECT, "IncidentOnCallPageTarget", f399_IncidentOnCallPageTarget, 0, 0, 0, 0, 0, 0};
static const dd_field f401_IncidentOnCallPageDataAttributesRequest[] = {
    {"key", &s4_string, N, "The key of the on-call page."},
    {"page_target", &s400_IncidentOnCallPageTarget, N, "The target of an on-call page."},
    {"team_id", &s4_string, N, "The team ID associated with the page (deprecated, use page_target instead)."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s402_IncidentOnCallPageDataAttributesRequest = {DD_T_OBJECT, "IncidentOnCallPageDataAttributesRequest", f401_IncidentOnCallPageDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f403_IncidentOnCallPageDataRequest[] = {
    {"attributes", &s402_IncidentOnCallPageDataAttributesRequest, N, "Attributes for linking a page to an incident."},
    {"id", &s4_string, R, "The ID of the on-call page to link."},
    {"type", &s360_page, R, "On-call page resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s404_IncidentOnCallPageDataRequest = {DD_T_OBJECT, "IncidentOnCallPageDataRequest", f403_IncidentOnCallPageDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f405_IncidentOnCallPageLinkRequest[] = {
    {"data", &s404_IncidentOnCallPageDataRequest, R, "On-call page data in a link request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s406_IncidentOnCallPageLinkRequest = {DD_T_OBJECT, "IncidentOnCallPageLinkRequest", f405_IncidentOnCallPageLinkRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f407_IncidentImpactPatchAttributes[] = {
    {"description", &s4_string, N, "Description of the impact."},
    {"end_at", &s23_string_date_time, N, "Timestamp when the impact ended."},
    {"fields", &s173_object, N, "An object mapping impact field names to field values."},
    {"start_at", &s23_string_date_time, N, "Timestamp when the impact started."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s408_IncidentImpactPatchAttributes = {DD_T_OBJECT, "IncidentImpactPatchAttributes", f407_IncidentImpactPatchAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f409_IncidentImpactPatchData[] = {
    {"attributes", &s408_IncidentImpactPatchAttributes, N, "The incident impact's attributes for a patch request."},
    {"type", &s176_incident_impacts, R, "Incident impact resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s410_IncidentImpactPatchData = {DD_T_OBJECT, "IncidentImpactPatchData", f409_IncidentImpactPatchData, 0, 0, 0, 0, 0, 0};
static const dd_field f411_IncidentImpactPatchRequest[] = {
    {"data", &s410_IncidentImpactPatchData, R, "Incident impact data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s412_IncidentImpactPatchRequest = {DD_T_OBJECT, "IncidentImpactPatchRequest", f411_IncidentImpactPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f413_GlobalIncidentSettingsAttributesRequest[] = {
    {"analytics_dashboard_id", &s4_string, N, "The analytics dashboard ID"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s414_GlobalIncidentSettingsAttributesRequest = {DD_T_OBJECT, "GlobalIncidentSettingsAttributesRequest", f413_GlobalIncidentSettingsAttributesRequest, 0, 0, 0, 0, 0, 0};
static const char *const s415_incidents_global_setting_enum[] = {"incidents_global_settings", NULL};
static const dd_schema s415_incidents_global_setting = {DD_T_STRING, "\"incidents_global_settings\"", 0, 0, 0, s415_incidents_global_setting_enum, 0, 0, 0};
static const dd_field f417_GlobalIncidentSettingsDataRequest[] = {
    {"attributes", &s414_GlobalIncidentSettingsAttributesRequest, N, "Global incident settings attributes"},
    {"type", &s415_incidents_global_setting, R, "Global incident settings resource type"},
    {NULL, NULL, 0, NULL}};
static const dd_schema s418_GlobalIncidentSettingsDataRequest = {DD_T_OBJECT, "GlobalIncidentSettingsDataRequest", f417_GlobalIncidentSettingsDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f419_GlobalIncidentSettingsRequest[] = {
    {"data", &s418_GlobalIncidentSettingsDataRequest, R, "Data object in the global incident settings request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s420_GlobalIncidentSettingsRequest = {DD_T_OBJECT, "GlobalIncidentSettingsRequest", f419_GlobalIncidentSettingsRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f421_PatchAttachmentRequestDataAttributesAttachment[] = {
    {"documentUrl", &s4_string, N, "The updated URL for the attachment."},
    {"title", &s4_string, N, "The updated title for the attachment."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s422_PatchAttachmentRequestDataAttributesAttachment = {DD_T_OBJECT, "PatchAttachmentRequestDataAttributesAttachment", f421_PatchAttachmentRequestDataAttributesAttachment, 0, 0, 0, 0, 0, 0};
static const dd_field f423_PatchAttachmentRequestDataAttributes[] = {
    {"attachment", &s422_PatchAttachmentRequestDataAttributesAttachment, N, "The updated attachment object."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s424_PatchAttachmentRequestDataAttributes = {DD_T_OBJECT, "PatchAttachmentRequestDataAttributes", f423_PatchAttachmentRequestDataAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f425_PatchAttachmentRequestData[] = {
    {"attributes", &s424_PatchAttachmentRequestDataAttributes, N, "The attributes for updating an attachment."},
    {"id", &s4_string, N, "The unique identifier of the attachment."},
    {"type", &s135_incident_attachments, R, "The incident attachment resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s426_PatchAttachmentRequestData = {DD_T_OBJECT, "PatchAttachmentRequestData", f425_PatchAttachmentRequestData, 0, 0, 0, 0, 0, 0};
static const dd_field f427_PatchAttachmentRequest[] = {
    {"data", &s426_PatchAttachmentRequestData, N, "Attachment data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s428_PatchAttachmentRequest = {DD_T_OBJECT, "PatchAttachmentRequest", f427_PatchAttachmentRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f429_IncidentConfigurationPatchDataAttributesRequest[] = {
    {"execute_integrations", &s37_boolean, N, "Whether to execute integrations for this incident."},
    {"execute_notification_rules", &s37_boolean, N, "Whether to execute notification rules for this incident."},
    {"include_in_analytics", &s37_boolean, N, "Whether to include this incident in analytics."},
    {"include_in_search", &s37_boolean, N, "Whether to include this incident in search results."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s430_IncidentConfigurationPatchDataAttributesRequest = {DD_T_OBJECT, "IncidentConfigurationPatchDataAttributesRequest", f429_IncidentConfigurationPatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f431_IncidentConfigurationPatchDataRequest[] = {
    {"attributes", &s430_IncidentConfigurationPatchDataAttributesRequest, N, "Attributes for patching an incident configuration."},
    {"id", &s204_string_uuid, R, "The incident configuration identifier."},
    {"type", &s143_incidents_configurations, R, "Incident configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s432_IncidentConfigurationPatchDataRequest = {DD_T_OBJECT, "IncidentConfigurationPatchDataRequest", f431_IncidentConfigurationPatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f433_IncidentConfigurationPatchRequest[] = {
    {"data", &s432_IncidentConfigurationPatchDataRequest, R, "Incident configuration data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s434_IncidentConfigurationPatchRequest = {DD_T_OBJECT, "IncidentConfigurationPatchRequest", f433_IncidentConfigurationPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f435_IncidentGoogleChatConfigurationPatchDataAttributesRequest[] = {
    {"domain_id", &s4_string, N, "The Google Chat domain ID."},
    {"space_name_template", &s4_string, N, "The template for the Google Chat space name."},
    {"space_target_audience_id", &s4_string, N, "The target audience ID for the Google Chat space."},
    {"space_time_zone", &s4_string, N, "The time zone for the Google Chat space."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s436_IncidentGoogleChatConfigurationPatchDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationPatchDataAttributesRequest", f435_IncidentGoogleChatConfigurationPatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f437_IncidentGoogleChatConfigurationPatchDataRequest[] = {
    {"attributes", &s436_IncidentGoogleChatConfigurationPatchDataAttributesRequest, N, "Attributes for patching a Google Chat configuration."},
    {"id", &s204_string_uuid, R, "The configuration identifier."},
    {"type", &s157_google_chat_configuratio, R, "Google Chat configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s438_IncidentGoogleChatConfigurationPatchDataRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationPatchDataRequest", f437_IncidentGoogleChatConfigurationPatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f439_IncidentGoogleChatConfigurationPatchRequest[] = {
    {"data", &s438_IncidentGoogleChatConfigurationPatchDataRequest, R, "Google Chat configuration data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s440_IncidentGoogleChatConfigurationPatchRequest = {DD_T_OBJECT, "IncidentGoogleChatConfigurationPatchRequest", f439_IncidentGoogleChatConfigurationPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f441_IncidentGoogleMeetConfigurationPatchDataAttributesRequest[] = {
    {"allow_manual_meeting_creation", &s37_boolean, N, "Whether to allow manual meeting creation."},
    {"auto_summarize", &s37_boolean, N, "Whether to auto-summarize meetings."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s442_IncidentGoogleMeetConfigurationPatchDataAttributesRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationPatchDataAttributesRequest", f441_IncidentGoogleMeetConfigurationPatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f443_IncidentGoogleMeetConfigurationPatchDataRequest[] = {
    {"attributes", &s442_IncidentGoogleMeetConfigurationPatchDataAttributesRequest, N, "Attributes for patching a Google Meet configuration."},
    {"id", &s204_string_uuid, R, "The configuration identifier."},
    {"type", &s167_google_meet_configuratio, R, "Google Meet configuration resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s444_IncidentGoogleMeetConfigurationPatchDataRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationPatchDataRequest", f443_IncidentGoogleMeetConfigurationPatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f445_IncidentGoogleMeetConfigurationPatchRequest[] = {
    {"data", &s444_IncidentGoogleMeetConfigurationPatchDataRequest, R, "Google Meet configuration data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s446_IncidentGoogleMeetConfigurationPatchRequest = {DD_T_OBJECT, "IncidentGoogleMeetConfigurationPatchRequest", f445_IncidentGoogleMeetConfigurationPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f447_IncidentNotificationRuleUpdateData[] = {
    {"attributes", &s203_IncidentNotificationRuleCreateAttributes, R, "The attributes for creating a notification rule."},
    {"id", &s204_string_uuid, R, "The unique identifier of the notification rule."},
    {"relationships", &s212_IncidentNotificationRuleCreateDataRelationships, N, "The definition of `NotificationRuleCreateDataRelationships` object."},
    {"type", &s213_incident_notification_ru, R, "Notification rules resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s448_IncidentNotificationRuleUpdateData = {DD_T_OBJECT, "IncidentNotificationRuleUpdateData", f447_IncidentNotificationRuleUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f449_PutIncidentNotificationRuleRequest[] = {
    {"data", &s448_IncidentNotificationRuleUpdateData, R, "Notification rule data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s450_PutIncidentNotificationRuleRequest = {DD_T_OBJECT, "PutIncidentNotificationRuleRequest", f449_PutIncidentNotificationRuleRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f451_IncidentNotificationTemplateUpdateAttributes[] = {
    {"category", &s4_string, N, "The category of the notification template."},
    {"content", &s4_string, N, "The content body of the notification template."},
    {"name", &s4_string, N, "The name of the notification template."},
    {"subject", &s4_string, N, "The subject line of the notification template."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s452_IncidentNotificationTemplateUpdateAttributes = {DD_T_OBJECT, "IncidentNotificationTemplateUpdateAttributes", f451_IncidentNotificationTemplateUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f453_IncidentNotificationTemplateUpdateData[] = {
    {"attributes", &s452_IncidentNotificationTemplateUpdateAttributes, N, "The attributes to update on a notification template."},
    {"id", &s204_string_uuid, R, "The unique identifier of the notification template."},
    {"type", &s205_notification_templates, R, "Notification templates resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s454_IncidentNotificationTemplateUpdateData = {DD_T_OBJECT, "IncidentNotificationTemplateUpdateData", f453_IncidentNotificationTemplateUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f455_PatchIncidentNotificationTemplateRequest[] = {
    {"data", &s454_IncidentNotificationTemplateUpdateData, R, "Notification template data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s456_PatchIncidentNotificationTemplateRequest = {DD_T_OBJECT, "PatchIncidentNotificationTemplateRequest", f455_PatchIncidentNotificationTemplateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f457_IncidentRulePatchDataAttributesRequest[] = {
    {"condition", &s275_IncidentRuleQueryCondition, N, "A query-based condition for an incident rule."},
    {"conditions", &s279_array_of_IncidentRuleCon, N, "List of field-based conditions."},
    {"enabled", &s37_boolean, N, "Whether the rule is enabled."},
    {"task_payload", &s4_string, N, "The JSON-encoded payload for the task."},
    {"trigger", &s283_incident_saved_trigger_i, N, "The trigger event for an incident rule."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s458_IncidentRulePatchDataAttributesRequest = {DD_T_OBJECT, "IncidentRulePatchDataAttributesRequest", f457_IncidentRulePatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f459_IncidentRulePatchDataRequest[] = {
    {"attributes", &s458_IncidentRulePatchDataAttributesRequest, N, "Attributes for patching an incident rule."},
    {"id", &s204_string_uuid, R, "The rule identifier."},
    {"type", &s287_incident_rules, R, "Incident rule resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s460_IncidentRulePatchDataRequest = {DD_T_OBJECT, "IncidentRulePatchDataRequest", f459_IncidentRulePatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f461_IncidentRulePatchRequest[] = {
    {"data", &s460_IncidentRulePatchDataRequest, R, "Incident rule data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s462_IncidentRulePatchRequest = {DD_T_OBJECT, "IncidentRulePatchRequest", f461_IncidentRulePatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f463_IncidentTodoPatchData[] = {
    {"attributes", &s309_IncidentTodoAttributes, R, "Incident todo's attributes."},
    {"type", &s310_incident_todos, R, "Todo resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s464_IncidentTodoPatchData = {DD_T_OBJECT, "IncidentTodoPatchData", f463_IncidentTodoPatchData, 0, 0, 0, 0, 0, 0};
static const dd_field f465_IncidentTodoPatchRequest[] = {
    {"data", &s464_IncidentTodoPatchData, R, "Incident todo data for a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s466_IncidentTodoPatchRequest = {DD_T_OBJECT, "IncidentTodoPatchRequest", f465_IncidentTodoPatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f467_IncidentUserDefinedFieldAttributesUpdateRequest[] = {
    {"category", &s316_what_happened_why_it_hap, N, "The section in which the field appears: \"what_happened\" or \"why_it_happened\"."},
    {"collected", &s318_active_stable_resolved_c, N, "The lifecycle stage at which the app prompts users to fill out this field."},
    {"default_value", &s4_string, N, "The default value for the field."},
    {"display_name", &s4_string, N, "The human-readable name shown in the UI."},
    {"ordinal", &s4_string, N, "A decimal string representing the field's display order in the UI."},
    {"required", &s37_boolean, N, "When true, users must fill out this field on incidents."},
    {"valid_values", &s323_array_of_IncidentUserDef, N, "The list of allowed values for dropdown and multiselect fields."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s468_IncidentUserDefinedFieldAttributesUpdateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldAttributesUpdateRequest", f467_IncidentUserDefinedFieldAttributesUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f469_IncidentUserDefinedFieldUpdateData[] = {
    {"attributes", &s468_IncidentUserDefinedFieldAttributesUpdateRequest, R, "Attributes for updating an incident user-defined field."},
    {"id", &s4_string, R, "The unique identifier of the user-defined field to update."},
    {"type", &s328_user_defined_field, R, "The incident user defined fields type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s470_IncidentUserDefinedFieldUpdateData = {DD_T_OBJECT, "IncidentUserDefinedFieldUpdateData", f469_IncidentUserDefinedFieldUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f471_IncidentUserDefinedFieldUpdateRequest[] = {
    {"data", &s470_IncidentUserDefinedFieldUpdateData, R, "Data for updating an incident user-defined field."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s472_IncidentUserDefinedFieldUpdateRequest = {DD_T_OBJECT, "IncidentUserDefinedFieldUpdateRequest", f471_IncidentUserDefinedFieldUpdateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f473_IncidentUserDefinedRolePatchDataAttributesRequest[] = {
    {"description", &s4_string, N, "A description of the user-defined role."},
    {"name", &s4_string, N, "The name of the user-defined role."},
    {"policy", &s335_IncidentUserDefinedRolePolicy, N, "Policy configuration for a user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s474_IncidentUserDefinedRolePatchDataAttributesRequest = {DD_T_OBJECT, "IncidentUserDefinedRolePatchDataAttributesRequest", f473_IncidentUserDefinedRolePatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f475_IncidentUserDefinedRolePatchDataRequest[] = {
    {"attributes", &s474_IncidentUserDefinedRolePatchDataAttributesRequest, N, "Attributes for updating an incident user-defined role."},
    {"id", &s204_string_uuid, R, "The ID of the user-defined role to update."},
    {"type", &s344_incident_user_defined_ro, R, "Incident user-defined role resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s476_IncidentUserDefinedRolePatchDataRequest = {DD_T_OBJECT, "IncidentUserDefinedRolePatchDataRequest", f475_IncidentUserDefinedRolePatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f477_IncidentUserDefinedRolePatchRequest[] = {
    {"data", &s476_IncidentUserDefinedRolePatchDataRequest, R, "Data for updating an incident user-defined role."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s478_IncidentUserDefinedRolePatchRequest = {DD_T_OBJECT, "IncidentUserDefinedRolePatchRequest", f477_IncidentUserDefinedRolePatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f479_IncidentTimestampOverridePatchDataAttributesRequest[] = {
    {"timestamp_value", &s23_string_date_time, R, "The overridden timestamp value."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s480_IncidentTimestampOverridePatchDataAttributesRequest = {DD_T_OBJECT, "IncidentTimestampOverridePatchDataAttributesRequest", f479_IncidentTimestampOverridePatchDataAttributesRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f481_IncidentTimestampOverridePatchDataRequest[] = {
    {"attributes", &s480_IncidentTimestampOverridePatchDataAttributesRequest, N, "Attributes for patching a timestamp override."},
    {"id", &s204_string_uuid, R, "The timestamp override identifier."},
    {"type", &s376_incidents_timestamp_over, R, "Incident timestamp override resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s482_IncidentTimestampOverridePatchDataRequest = {DD_T_OBJECT, "IncidentTimestampOverridePatchDataRequest", f481_IncidentTimestampOverridePatchDataRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f483_IncidentTimestampOverridePatchRequest[] = {
    {"data", &s482_IncidentTimestampOverridePatchDataRequest, R, "Timestamp override data in a patch request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s484_IncidentTimestampOverridePatchRequest = {DD_T_OBJECT, "IncidentTimestampOverridePatchRequest", f483_IncidentTimestampOverridePatchRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f485_OpsgenieAccountCreateAttributes[] = {
    {"api_key", &s4_string, R | SECRET, "Opsgenie API key (a secret)"},
    {"region", &s58_us_eu_custom, R, "The region for the Opsgenie service."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s486_OpsgenieAccountCreateAttributes = {DD_T_OBJECT, "OpsgenieAccountCreateAttributes", f485_OpsgenieAccountCreateAttributes, 0, 0, 0, 0, 0, 0};
static const char *const s487_opsgenie_account_enum[] = {"opsgenie-account", NULL};
static const dd_schema s487_opsgenie_account = {DD_T_STRING, "\"opsgenie-account\"", 0, 0, 0, s487_opsgenie_account_enum, 0, 0, 0};
static const dd_field f489_OpsgenieAccountCreateData[] = {
    {"attributes", &s486_OpsgenieAccountCreateAttributes, R, "The Opsgenie account attributes for a create request."},
    {"type", &s487_opsgenie_account, R, "Opsgenie account resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s490_OpsgenieAccountCreateData = {DD_T_OBJECT, "OpsgenieAccountCreateData", f489_OpsgenieAccountCreateData, 0, 0, 0, 0, 0, 0};
static const dd_field f491_OpsgenieAccountCreateRequest[] = {
    {"data", &s490_OpsgenieAccountCreateData, R, "Opsgenie account data for a create request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s492_OpsgenieAccountCreateRequest = {DD_T_OBJECT, "OpsgenieAccountCreateRequest", f491_OpsgenieAccountCreateRequest, 0, 0, 0, 0, 0, 0};
static const dd_field f493_OpsgenieAccountUpdateAttributes[] = {
    {"api_key", &s4_string, N | SECRET, "Opsgenie API key (a secret)"},
    {"region", &s58_us_eu_custom, N, "The region for the Opsgenie service."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s494_OpsgenieAccountUpdateAttributes = {DD_T_OBJECT, "OpsgenieAccountUpdateAttributes", f493_OpsgenieAccountUpdateAttributes, 0, 0, 0, 0, 0, 0};
static const dd_field f495_OpsgenieAccountUpdateData[] = {
    {"attributes", &s494_OpsgenieAccountUpdateAttributes, R, "The Opsgenie account attributes for an update request."},
    {"id", &s4_string, R, "The ID of the Opsgenie account."},
    {"type", &s487_opsgenie_account, R, "Opsgenie account resource type."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s496_OpsgenieAccountUpdateData = {DD_T_OBJECT, "OpsgenieAccountUpdateData", f495_OpsgenieAccountUpdateData, 0, 0, 0, 0, 0, 0};
static const dd_field f497_OpsgenieAccountUpdateRequest[] = {
    {"data", &s496_OpsgenieAccountUpdateData, R, "Opsgenie account data for an update request."},
    {NULL, NULL, 0, NULL}};
static const dd_schema s498_OpsgenieAccountUpdateRequest = {DD_T_OBJECT, "OpsgenieAccountUpdateRequest", f497_OpsgenieAccountUpdateRequest, 0, 0, 0, 0, 0, 0};

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
    {"UpdateIncidentIntegration", "update_incident_integration", "PATCH", "/api/v2/incidents/{incident_id}/relationships/integrations/{integration_metadata_id}", NULL, 0, &s33_IncidentIntegrationMetadataPatchRequest, DD_OP_BETA, "Update an existing incident integration metadata.", 200},
    {"DeleteIncidentIntegration", "delete_incident_integration", "DELETE", "/api/v2/incidents/{incident_id}/relationships/integrations/{integration_metadata_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Remove an integration metadata from an incident.", 204},
    {"ListIncidentTypes", "list_incident_types", "GET", "/api/v2/incidents/config/types", q_ListIncidentTypes, 1, NULL, DD_OP_BETA, "List incident types.", 200},
    {"CreateIncidentType", "create_incident_type", "POST", "/api/v2/incidents/config/types", NULL, 0, &s48_IncidentTypeCreateRequest, DD_OP_BETA, "Create an incident type.", 201},
    {"GetIncidentType", "get_incident_type", "GET", "/api/v2/incidents/config/types/{incident_type_id}", NULL, 0, NULL, DD_OP_BETA, "Get an incident type.", 200},
    {"UpdateIncidentType", "update_incident_type", "PATCH", "/api/v2/incidents/config/types/{incident_type_id}", NULL, 0, &s54_IncidentTypePatchRequest, DD_OP_BETA, "Update an incident type.", 200},
    {"DeleteIncidentType", "delete_incident_type", "DELETE", "/api/v2/incidents/config/types/{incident_type_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident type.", 204},
    {"ListOpsgenieServices", "list_opsgenie_services", "GET", "/api/v2/integration/opsgenie/services", NULL, 0, NULL, 0, "List the Opsgenie integration's services.", 200},
    {"CreateOpsgenieService", "create_opsgenie_service", "POST", "/api/v2/integration/opsgenie/services", NULL, 0, &s65_OpsgenieServiceCreateRequest, 0, "Create an Opsgenie service.", 201},
    {"GetOpsgenieService", "get_opsgenie_service", "GET", "/api/v2/integration/opsgenie/services/{integration_service_id}", NULL, 0, NULL, 0, "Get an Opsgenie service.", 200},
    {"UpdateOpsgenieService", "update_opsgenie_service", "PATCH", "/api/v2/integration/opsgenie/services/{integration_service_id}", NULL, 0, &s71_OpsgenieServiceUpdateRequest, 0, "Update an Opsgenie service.", 200},
    {"DeleteOpsgenieService", "delete_opsgenie_service", "DELETE", "/api/v2/integration/opsgenie/services/{integration_service_id}", NULL, 0, NULL, DD_OP_ACCEPT_ANY, "Delete an Opsgenie service.", 204},
    {"CreatePagerDutyIntegrationService", "create_pager_duty_integration_service", "POST", "/api/v1/integration/pagerduty/configuration/services", NULL, 0, &s73_PagerDutyService, 0, "Create a PagerDuty service.", 201},
    {"GetPagerDutyIntegrationService", "get_pager_duty_integration_service", "GET", "/api/v1/integration/pagerduty/configuration/services/{service_name}", NULL, 0, NULL, 0, "Get a PagerDuty service.", 200},
    {"UpdatePagerDutyIntegrationService", "update_pager_duty_integration_service", "PUT", "/api/v1/integration/pagerduty/configuration/services/{service_name}", NULL, 0, &s75_PagerDutyServiceKey, DD_OP_ACCEPT_ANY, "Update a PagerDuty service's key.", 200},
    {"DeletePagerDutyIntegrationService", "delete_pager_duty_integration_service", "DELETE", "/api/v1/integration/pagerduty/configuration/services/{service_name}", NULL, 0, NULL, DD_OP_ACCEPT_ANY, "Delete a PagerDuty service.", 204},
    {"ListIncidents", "list_incidents", "GET", "/api/v2/incidents", q_ListIncidents, 3, NULL, DD_OP_BETA, "List incidents, a page at a time.", 200},
    {"CreateIncident", "create_incident", "POST", "/api/v2/incidents", NULL, 0, &s92_IncidentCreateRequest, DD_OP_BETA, "Declare an incident.", 201},
    {"GetIncident", "get_incident", "GET", "/api/v2/incidents/{incident_id}", q_GetIncident, 1, NULL, DD_OP_BETA, "Get an incident.", 200},
    {"UpdateIncident", "update_incident", "PATCH", "/api/v2/incidents/{incident_id}", q_UpdateIncident, 1, &s111_IncidentUpdateRequest, DD_OP_BETA, "Update an incident.", 200},
    {"DeleteIncident", "delete_incident", "DELETE", "/api/v2/incidents/{incident_id}", NULL, 0, NULL, DD_OP_BETA | DD_OP_ACCEPT_ANY, "Delete an incident.", 204},
    {"CreateGlobalIncidentHandle", "create_global_incident_handle", "POST", "/api/v2/incidents/config/global/incident-handles", q_CreateGlobalIncidentHandle, 1, &s128_IncidentHandleRequest, DD_OP_BETA, "Create a new global incident handle.", 201},
    {"CreateIncidentAttachment", "create_incident_attachment", "POST", "/api/v2/incidents/{incident_id}/attachments", q_CreateIncidentAttachment, 1, &s140_CreateAttachmentRequest, DD_OP_BETA, "Create an incident attachment.", 201},
    {"CreateIncidentConfiguration", "create_incident_configuration", "POST", "/api/v2/incidents/{incident_id}/configurations", NULL, 0, &s148_IncidentConfigurationRequest, DD_OP_BETA, "Create a configuration for an incident.", 200},
    {"CreateIncidentGoogleChatConfiguration", "create_incident_google_chat_configuration", "POST", "/api/v2/incidents/config/google-chat-configurations", NULL, 0, &s162_IncidentGoogleChatConfigurationRequest, DD_OP_BETA, "Create a Google Chat configuration for incidents.", 201},
    {"CreateIncidentGoogleMeetConfiguration", "create_incident_google_meet_configuration", "POST", "/api/v2/incidents/config/google-meet-configurations", NULL, 0, &s172_IncidentGoogleMeetConfigurationRequest, DD_OP_BETA, "Create a Google Meet configuration for incidents.", 201},
    {"CreateIncidentImpact", "create_incident_impact", "POST", "/api/v2/incidents/{incident_id}/impacts", q_CreateIncidentImpact, 1, &s181_IncidentImpactCreateRequest, 0, "Create an impact for an incident.", 201},
    {"CreateIncidentImpactField", "create_incident_impact_field", "POST", "/api/v2/incidents/config/impact-fields", NULL, 0, &s196_IncidentImpactFieldRequest, DD_OP_BETA, "Create an impact field for incidents.", 201},
    {"CreateIncidentNotificationRule", "create_incident_notification_rule", "POST", "/api/v2/incidents/config/notification-rules", NULL, 0, &s218_CreateIncidentNotificationRuleRequest, DD_OP_BETA, "Creates a new notification rule.", 201},
    {"CreateIncidentNotificationTemplate", "create_incident_notification_template", "POST", "/api/v2/incidents/config/notification-templates", NULL, 0, &s226_CreateIncidentNotificationTemplateRequest, DD_OP_BETA, "Creates a new notification template.", 201},
    {"CreateIncidentPostmortemAttachment", "create_incident_postmortem_attachment", "POST", "/api/v2/incidents/{incident_id}/attachments/postmortems", NULL, 0, &s241_PostmortemAttachmentRequest, DD_OP_BETA, "Create a postmortem attachment for an incident.", 201},
    {"CreateIncidentPostmortemTemplate", "create_incident_postmortem_template", "POST", "/api/v2/incidents/config/postmortem-templates", NULL, 0, &s261_PostmortemTemplateRequest, DD_OP_BETA, "Create a new postmortem template for incidents.", 201},
    {"CreateIncidentResponder", "create_incident_responder", "POST", "/api/v2/incidents/{incident_id}/responders", NULL, 0, &s273_IncidentResponderRequest, DD_OP_BETA, "Add a responder to an incident.", 201},
    {"CreateIncidentRule", "create_incident_rule", "POST", "/api/v2/incidents/config/rules", NULL, 0, &s292_IncidentRuleRequest, DD_OP_BETA, "Create an incident rule.", 201},
    {"CreateIncidentServiceNowRecord", "create_incident_service_now_record", "POST", "/api/v2/incidents/{incident_id}/servicenow-records", NULL, 0, &s300_IncidentServiceNowRecordRequest, DD_OP_BETA, "Create a ServiceNow record for an incident.", 201},
    {"CreateIncidentTodo", "create_incident_todo", "POST", "/api/v2/incidents/{incident_id}/relationships/todos", NULL, 0, &s315_IncidentTodoCreateRequest, DD_OP_BETA, "Create an incident todo.", 201},
    {"CreateIncidentUserDefinedField", "create_incident_user_defined_field", "POST", "/api/v2/incidents/config/user-defined-fields", q_CreateIncidentUserDefinedField, 1, &s333_IncidentUserDefinedFieldCreateRequest, DD_OP_BETA, "Create an incident user-defined field.", 201},
    {"CreateIncidentUserDefinedRole", "create_incident_user_defined_role", "POST", "/api/v2/incidents/config/user-defined-roles", q_CreateIncidentUserDefinedRole, 1, &s349_IncidentUserDefinedRoleRequest, DD_OP_BETA, "Create a new user-defined role for incidents.", 201},
    {"CreateOnCallPageFromIncident", "create_on_call_page_from_incident", "POST", "/api/v2/incidents/{incident_id}/page", NULL, 0, &s365_IncidentCreateOnCallPageRequest, DD_OP_BETA, "Create an on-call page directly from an incident.", 200},
    {"CreatePageFromIncident", "create_page_from_incident", "POST", "/api/v2/incidents/{incident_id}/cases/page", NULL, 0, &s371_IncidentCreatePageFromIncidentRequest, DD_OP_BETA, "Create a page from an incident using the Cases service.", 200},
    {"CreateTimestampOverride", "create_timestamp_override", "POST", "/api/v2/incidents/{incident_id}/timestamp-overrides", NULL, 0, &s381_IncidentTimestampOverrideRequest, DD_OP_BETA, "Create a timestamp override for an incident.", 201},
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
    {"ImportIncident", "import_incident", "POST", "/api/v2/incidents/import", q_ImportIncident, 1, &s398_IncidentImportRequest, DD_OP_BETA, "Import an incident from an external system. This endpoint allows you to create incidents with", 201},
    {"LinkPageToIncident", "link_page_to_incident", "POST", "/api/v2/incidents/{incident_id}/pages/link", NULL, 0, &s406_IncidentOnCallPageLinkRequest, DD_OP_BETA, "Link an existing on-call page to an incident.", 201},
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
    {"PatchIncidentImpact", "patch_incident_impact", "PATCH", "/api/v2/incidents/{incident_id}/impacts/{impact_id}", q_PatchIncidentImpact, 1, &s412_IncidentImpactPatchRequest, DD_OP_BETA, "Update an incident impact.", 200},
    {"SearchIncidents", "search_incidents", "GET", "/api/v2/incidents/search", q_SearchIncidents, 5, NULL, DD_OP_BETA, "Search for incidents matching a certain query.", 200},
    {"UpdateGlobalIncidentHandle", "update_global_incident_handle", "PUT", "/api/v2/incidents/config/global/incident-handles", q_UpdateGlobalIncidentHandle, 1, &s128_IncidentHandleRequest, DD_OP_BETA, "Update an existing global incident handle.", 200},
    {"UpdateGlobalIncidentSettings", "update_global_incident_settings", "PATCH", "/api/v2/incidents/config/global/settings", NULL, 0, &s420_GlobalIncidentSettingsRequest, DD_OP_BETA, "Update global incident settings for the organization.", 200},
    {"UpdateIncidentAttachment", "update_incident_attachment", "PATCH", "/api/v2/incidents/{incident_id}/attachments/{attachment_id}", q_UpdateIncidentAttachment, 1, &s428_PatchAttachmentRequest, DD_OP_BETA, "Update an incident attachment.", 200},
    {"UpdateIncidentConfiguration", "update_incident_configuration", "PATCH", "/api/v2/incidents/{incident_id}/configurations", NULL, 0, &s434_IncidentConfigurationPatchRequest, DD_OP_BETA, "Update a configuration for an incident.", 200},
    {"UpdateIncidentGoogleChatConfiguration", "update_incident_google_chat_configuration", "PATCH", "/api/v2/incidents/config/google-chat-configurations/{id}", NULL, 0, &s440_IncidentGoogleChatConfigurationPatchRequest, DD_OP_BETA, "Update a Google Chat configuration for incidents.", 200},
    {"UpdateIncidentGoogleMeetConfiguration", "update_incident_google_meet_configuration", "PATCH", "/api/v2/incidents/config/google-meet-configurations/{id}", NULL, 0, &s446_IncidentGoogleMeetConfigurationPatchRequest, DD_OP_BETA, "Update a Google Meet configuration for incidents.", 200},
    {"UpdateIncidentImpactField", "update_incident_impact_field", "PUT", "/api/v2/incidents/config/impact-fields/{field_id}", NULL, 0, &s196_IncidentImpactFieldRequest, DD_OP_BETA, "Update an impact field for incidents.", 200},
    {"UpdateIncidentNotificationRule", "update_incident_notification_rule", "PUT", "/api/v2/incidents/config/notification-rules/{id}", q_UpdateIncidentNotificationRule, 1, &s450_PutIncidentNotificationRuleRequest, DD_OP_BETA, "Updates an existing notification rule with a complete replacement.", 200},
    {"UpdateIncidentNotificationTemplate", "update_incident_notification_template", "PATCH", "/api/v2/incidents/config/notification-templates/{id}", q_UpdateIncidentNotificationTemplate, 1, &s456_PatchIncidentNotificationTemplateRequest, DD_OP_BETA, "Updates an existing notification template's attributes.", 200},
    {"UpdateIncidentPostmortemTemplate", "update_incident_postmortem_template", "PATCH", "/api/v2/incidents/config/postmortem-templates/{template_id}", NULL, 0, &s261_PostmortemTemplateRequest, DD_OP_BETA, "Update an existing postmortem template.", 200},
    {"UpdateIncidentRule", "update_incident_rule", "PATCH", "/api/v2/incidents/config/rules/{rule_id}", NULL, 0, &s462_IncidentRulePatchRequest, DD_OP_BETA, "Update an incident rule.", 200},
    {"UpdateIncidentTodo", "update_incident_todo", "PATCH", "/api/v2/incidents/{incident_id}/relationships/todos/{todo_id}", NULL, 0, &s466_IncidentTodoPatchRequest, DD_OP_BETA, "Update an incident todo.", 200},
    {"UpdateIncidentUserDefinedField", "update_incident_user_defined_field", "PATCH", "/api/v2/incidents/config/user-defined-fields/{field_id}", q_UpdateIncidentUserDefinedField, 1, &s472_IncidentUserDefinedFieldUpdateRequest, DD_OP_BETA, "Update an incident user-defined field.", 200},
    {"UpdateIncidentUserDefinedRole", "update_incident_user_defined_role", "PATCH", "/api/v2/incidents/config/user-defined-roles/{role_id}", q_UpdateIncidentUserDefinedRole, 1, &s478_IncidentUserDefinedRolePatchRequest, DD_OP_BETA, "Update an existing user-defined role for incidents.", 200},
    {"UpdateTimestampOverride", "update_timestamp_override", "PATCH", "/api/v2/incidents/{incident_id}/timestamp-overrides/{id}", NULL, 0, &s484_IncidentTimestampOverridePatchRequest, DD_OP_BETA, "Update a timestamp override for an incident.", 200},
    {"CreateOpsgenieAccount", "create_opsgenie_account", "POST", "/api/v2/integration/opsgenie/accounts", NULL, 0, &s492_OpsgenieAccountCreateRequest, 0, "Create a new Opsgenie account in the Datadog Opsgenie integration.", 201},
    {"DeleteOpsgenieAccount", "delete_opsgenie_account", "DELETE", "/api/v2/integration/opsgenie/accounts/{account_id}", NULL, 0, NULL, DD_OP_ACCEPT_ANY, "Delete a single Opsgenie account from the Datadog Opsgenie integration.", 204},
    {"ListOpsgenieAccounts", "list_opsgenie_accounts", "GET", "/api/v2/integration/opsgenie/accounts", NULL, 0, NULL, 0, "Get a list of all Opsgenie accounts from the Datadog Opsgenie integration.", 200},
    {"UpdateOpsgenieAccount", "update_opsgenie_account", "PATCH", "/api/v2/integration/opsgenie/accounts/{account_id}", NULL, 0, &s498_OpsgenieAccountUpdateRequest, 0, "Update a single Opsgenie account in the Datadog Opsgenie integration.", 200},
};
const int dd_nops = (int)(sizeof dd_ops / sizeof dd_ops[0]);
/* the client's bit set of beta operations and the lookups' tables are sized
 * by DD_MAX_OPS */
typedef char dd_ops_fit[sizeof dd_ops / sizeof dd_ops[0] <= DD_MAX_OPS ? 1 : -1];
