/*
 * ops.c - every operation of the API and the shape of every request body, as
 * data. One engine (client.c) serves them all: adding an endpoint is adding a
 * row here (and its body schema if it takes one).
 *
 * Sources: ../shared/api/REFERENCE.md and the seed pages it cites.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "dd.h"

#define INT32_LO (-2147483647LL - 1)
#define INT32_HI 2147483647LL

/* ---------------------------------------------------------------- scalars */

static const dd_schema s_string = {DD_T_STRING, "string", 0, 0, 0, 0, 0, 0, 0};
static const dd_schema s_bool = {DD_T_BOOL, "boolean", 0, 0, 0, 0, 0, 0, 0};
static const dd_schema s_any = {DD_T_ANY, "any", 0, 0, 0, 0, 0, 0, 0};
static const dd_schema s_list_any = {DD_T_ARRAY, "array", 0, &s_any, 0, 0, 0, 0, 0};
static const dd_schema s_name100 = {DD_T_STRING, "string (1 to 100 characters)",
                                    0, 0, 0, 0, 1, 100, 0};
static const dd_schema s_name = {DD_T_STRING, "non-empty string", 0, 0, 0, 0, 1, 0, 0};
static const dd_schema s_id100 = {DD_T_STRING, "string (1 to 100 characters)",
                                  0, 0, 0, 0, 1, 100, 0};

#define ENUM(var, label, ...)                                                  \
    static const char *const var##_values[] = {__VA_ARGS__, NULL};             \
    static const dd_schema var = {DD_T_STRING, label, 0, 0, 0, var##_values,   \
                                  0, 0, 0}

ENUM(e_integrations_type, "\"incident_integrations\"", "incident_integrations");
ENUM(e_incident_types_type, "\"incident_types\"", "incident_types");
ENUM(e_opsgenie_type, "\"opsgenie-service\"", "opsgenie-service");
ENUM(e_incidents_type, "\"incidents\"", "incidents");
ENUM(e_region, "\"us\" | \"eu\" | \"custom\"", "us", "eu", "custom");
ENUM(e_slug_source, "\"default\" | \"servicenow\"", "default", "servicenow");

#define R DD_F_REQUIRED
#define N DD_F_NULLABLE
#define SECRET DD_F_SECRET
#define OBJECT(var, label, fields, rule)                                       \
    static const dd_schema var = {DD_T_OBJECT, label, fields, 0, 0, 0, 0, 0,   \
                                  rule}
#define ARRAY(var, label, items)                                               \
    static const dd_schema var = {DD_T_ARRAY, label, 0, items, 0, 0, 0, 0, 0}

/* ---------------------------------------------------------------- incident integrations */

static const dd_field f_slack_channel[] = {
    {"channel_id", &s_string, R, "Slack channel ID"},
    {"channel_name", &s_string, R, "name of the Slack channel"},
    {"redirect_url", &s_string, R, "URL redirecting to the Slack channel"},
    {"team_id", &s_string, 0, "Slack team ID"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_slack_channel, "SlackChannel", f_slack_channel, NULL);
ARRAY(s_slack_channels, "array of SlackChannel", &s_slack_channel);
static const dd_field f_slack_meta[] = {
    {"channels", &s_slack_channels, R, "Slack channels"}, {NULL, NULL, 0, NULL}};
OBJECT(s_slack_meta, "SlackIntegrationMetadata", f_slack_meta, NULL);

static const dd_field f_jira_issue[] = {
    {"account", &s_string, R, "URL of the issue's Jira account"},
    {"project_key", &s_string, R, "Jira project key"},
    {"issue_key", &s_string, 0, "Jira issue key"},
    {"issuetype_id", &s_string, 0, "Jira issue type"},
    {"redirect_url", &s_string, 0, "URL redirecting to the Jira issue"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_jira_issue, "JiraIssue", f_jira_issue, NULL);
ARRAY(s_jira_issues, "array of JiraIssue", &s_jira_issue);
static const dd_field f_jira_meta[] = {
    {"issues", &s_jira_issues, R, "Jira issues"}, {NULL, NULL, 0, NULL}};
OBJECT(s_jira_meta, "JiraIntegrationMetadata", f_jira_meta, NULL);

static const dd_field f_teams_item[] = {
    {"ms_tenant_id", &s_string, R, "Microsoft Teams tenant ID"},
    {"ms_channel_id", &s_string, R, "Microsoft Teams channel ID"},
    {"ms_channel_name", &s_string, R, "Microsoft Teams channel name"},
    {"redirect_url", &s_string, R, "URL redirecting to the Teams channel"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_teams_item, "TeamsChannel", f_teams_item, NULL);
ARRAY(s_teams_items, "array of TeamsChannel", &s_teams_item);
static const dd_field f_teams_meta[] = {
    {"teams", &s_teams_items, R, "Microsoft Teams channels"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_teams_meta, "MSTeamsIntegrationMetadata", f_teams_meta, NULL);

static const dd_schema *const metadata_shapes[] = {&s_slack_meta, &s_jira_meta,
                                                   &s_teams_meta, NULL};
static const dd_schema s_metadata = {
    DD_T_ONEOF, "SlackIntegrationMetadata | JiraIntegrationMetadata | "
                "MSTeamsIntegrationMetadata",
    0, 0, metadata_shapes, 0, 0, 0, 0};

static const dd_schema s_integration_type = {
    DD_T_INT32, "int32: 1 Slack, 7 Microsoft Teams, 8 Jira", 0, 0, 0, 0,
    INT32_LO, 100, 0};
static const dd_schema s_integration_status = {
    DD_T_INT32, "int32: 0 unknown .. 5 failed", 0, 0, 0, 0, 0, 5, 0};

/* integration_type must name the shape the metadata has. */
static const char *rule_integration_type(lua_State *L, int idx, const char **field)
{
    static const struct { lua_Integer type; const char *key, *label; } kinds[] = {
        {1, "channels", "1 (Slack) needs metadata.channels"},
        {7, "teams", "7 (Microsoft Teams) needs metadata.teams"},
        {8, "issues", "8 (Jira) needs metadata.issues"}};
    lua_Integer t;
    size_t i;
    int isnum, present;
    lua_pushliteral(L, "integration_type");
    lua_rawget(L, idx);
    t = (lua_Integer)lua_tonumber(L, -1);
    isnum = lua_type(L, -1) == LUA_TNUMBER;
    lua_pop(L, 1);
    *field = "integration_type";
    if (!isnum)
        return NULL; /* the field check has spoken */
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (kinds[i].type != t)
            continue;
        lua_pushliteral(L, "metadata");
        lua_rawget(L, idx);
        present = 0;
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_pushstring(L, kinds[i].key);
            lua_rawget(L, -2);
            present = !lua_isnil(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        return present ? NULL : kinds[i].label;
    }
    return "must be 1 (Slack), 7 (Microsoft Teams) or 8 (Jira)";
}

static const dd_field f_integration_attrs[] = {
    {"integration_type", &s_integration_type, R,
     "1 Slack, 7 Microsoft Teams, 8 Jira"},
    {"metadata", &s_metadata, R, "channels, issues or teams"},
    {"incident_id", &s_string, 0, "UUID of the incident"},
    {"status", &s_integration_status, 0,
     "0 unknown, 1 pending, 2 complete, 3 manually created, 4 manually "
     "updated, 5 failed"},
    {"created", &s_string, 0, "read-only"},
    {"modified", &s_string, 0, "read-only"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_integration_attrs, "IncidentIntegrationMetadataAttributes",
       f_integration_attrs, rule_integration_type);
static const dd_field f_integration_data[] = {
    {"type", &e_integrations_type, R, "incident_integrations"},
    {"attributes", &s_integration_attrs, R, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_integration_data, "IncidentIntegrationMetadataData",
       f_integration_data, NULL);
static const dd_field f_integration_body[] = {
    {"data", &s_integration_data, R, NULL}, {NULL, NULL, 0, NULL}};
OBJECT(s_integration_body, "IncidentIntegrationMetadataRequest",
       f_integration_body, NULL);

/* ---------------------------------------------------------------- incident types */

static const dd_field f_type_config[] = {
    {"allow_incident_deletion", &s_bool, 0, NULL},
    {"allow_workflows", &s_bool, 0, NULL},
    {"create_message", &s_any, 0, NULL},
    {"editable_timestamps", &s_bool, 0, NULL},
    {"private_incidents", &s_bool, 0, NULL},
    {"private_incidents_by_default", &s_bool, 0, NULL},
    {"slug_source", &e_slug_source, 0, "default or servicenow"},
    {"test_incidents", &s_bool, 0, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_type_config, "IncidentTypeConfiguration", f_type_config, NULL);

#define TYPE_ATTRS(name_flags)                                                 \
    {"name", &s_name, name_flags, "name of the incident type"},              \
        {"description", &s_string, 0, NULL},                                   \
        {"is_default", &s_bool, 0, "default false"},                           \
        {"prefix", &s_string, 0, "prepended to incident titles"},              \
        {"configuration", &s_type_config, 0, NULL},                            \
        {"createdAt", &s_string, 0, "read-only"},                              \
        {"createdBy", &s_string, 0, "read-only"},                              \
        {"lastModifiedBy", &s_string, 0, "read-only"},                         \
        {"modifiedAt", &s_string, 0, "read-only"},                             \
    {                                                                          \
        NULL, NULL, 0, NULL                                                    \
    }

static const dd_field f_type_create_attrs[] = {TYPE_ATTRS(R)};
OBJECT(s_type_create_attrs, "IncidentTypeAttributes", f_type_create_attrs, NULL);
static const dd_field f_type_patch_attrs[] = {TYPE_ATTRS(0)};
OBJECT(s_type_patch_attrs, "IncidentTypeUpdateAttributes", f_type_patch_attrs,
       NULL);
static const dd_field f_type_create_data[] = {
    {"type", &e_incident_types_type, R, "incident_types"},
    {"attributes", &s_type_create_attrs, R, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_type_create_data, "IncidentTypeCreateData", f_type_create_data, NULL);
static const dd_field f_type_patch_data[] = {
    {"id", &s_string, R, "the incident type's ID"},
    {"type", &e_incident_types_type, R, "incident_types"},
    {"attributes", &s_type_patch_attrs, R, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_type_patch_data, "IncidentTypePatchData", f_type_patch_data, NULL);
static const dd_field f_type_create_body[] = {
    {"data", &s_type_create_data, R, NULL}, {NULL, NULL, 0, NULL}};
OBJECT(s_type_create_body, "IncidentTypeCreateRequest", f_type_create_body, NULL);
static const dd_field f_type_patch_body[] = {
    {"data", &s_type_patch_data, R, NULL}, {NULL, NULL, 0, NULL}};
OBJECT(s_type_patch_body, "IncidentTypePatchRequest", f_type_patch_body, NULL);

/* ---------------------------------------------------------------- Opsgenie */

/* region "custom" needs a custom_url. */
static const char *rule_custom_url(lua_State *L, int idx, const char **field)
{
    int is_custom, has_url;
    lua_pushliteral(L, "region");
    lua_rawget(L, idx);
    is_custom = lua_type(L, -1) == LUA_TSTRING &&
                strcmp(lua_tostring(L, -1), "custom") == 0;
    lua_pushliteral(L, "custom_url");
    lua_rawget(L, idx);
    has_url = lua_type(L, -1) == LUA_TSTRING;
    lua_pop(L, 2);
    *field = "custom_url";
    return is_custom && !has_url ? "required when region is \"custom\"" : NULL;
}

static const dd_field f_og_create_attrs[] = {
    {"name", &s_name100, R, "name of the service (1 to 100 characters)"},
    {"opsgenie_api_key", &s_string, R | SECRET, "Opsgenie API key (a secret)"},
    {"region", &e_region, R, "us, eu or custom"},
    {"custom_url", &s_string, N, "needed with region custom"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_og_create_attrs, "OpsgenieServiceCreateAttributes", f_og_create_attrs,
       rule_custom_url);
static const dd_field f_og_update_attrs[] = {
    {"name", &s_name100, 0, "1 to 100 characters"},
    {"opsgenie_api_key", &s_string, SECRET, "Opsgenie API key (a secret)"},
    {"region", &e_region, 0, "us, eu or custom"},
    {"custom_url", &s_string, N, "may be null"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_og_update_attrs, "OpsgenieServiceUpdateAttributes", f_og_update_attrs,
       NULL);
static const dd_field f_og_create_data[] = {
    {"type", &e_opsgenie_type, R, "opsgenie-service"},
    {"attributes", &s_og_create_attrs, R, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_og_create_data, "OpsgenieServiceCreateData", f_og_create_data, NULL);
static const dd_field f_og_update_data[] = {
    {"id", &s_id100, R, "the service's ID (1 to 100 characters)"},
    {"type", &e_opsgenie_type, R, "opsgenie-service"},
    {"attributes", &s_og_update_attrs, R, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_og_update_data, "OpsgenieServiceUpdateData", f_og_update_data, NULL);
static const dd_field f_og_create_body[] = {
    {"data", &s_og_create_data, R, NULL}, {NULL, NULL, 0, NULL}};
OBJECT(s_og_create_body, "OpsgenieServiceCreateRequest", f_og_create_body, NULL);
static const dd_field f_og_update_body[] = {
    {"data", &s_og_update_data, R, NULL}, {NULL, NULL, 0, NULL}};
OBJECT(s_og_update_body, "OpsgenieServiceUpdateRequest", f_og_update_body, NULL);

/* ---------------------------------------------------------------- PagerDuty */

static const dd_field f_pd_create[] = {
    {"service_key", &s_string, R | SECRET, "PagerDuty service key (a secret)"},
    {"service_name", &s_string, R, "service name"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_pd_create, "PagerDutyService", f_pd_create, NULL);
static const dd_field f_pd_update[] = {
    {"service_key", &s_string, R | SECRET, "PagerDuty service key (a secret)"},
    {NULL, NULL, 0, NULL}};
OBJECT(s_pd_update, "PagerDutyServiceKey", f_pd_update, NULL);

/* ---------------------------------------------------------------- incidents */

static const dd_field f_incident_create_attrs[] = {
    {"title", &s_string, R, "title of the incident"},
    {"customer_impacted", &s_bool, R, "whether customers are impacted"},
    {"customer_impact_scope", &s_string, N, NULL},
    {"fields", &s_any, 0, "incident fields by name"},
    {"incident_type_uuid", &s_string, N, NULL},
    {"initial_cells", &s_list_any, 0, NULL},
    {"is_test", &s_bool, 0, NULL},
    {"notification_handles", &s_list_any, 0, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_incident_create_attrs, "IncidentCreateAttributes",
       f_incident_create_attrs, NULL);
static const dd_field f_incident_update_attrs[] = {
    {"title", &s_string, 0, NULL},
    {"customer_impacted", &s_bool, 0, NULL},
    {"customer_impact_scope", &s_string, N, NULL},
    {"customer_impact_start", &s_string, N, NULL},
    {"customer_impact_end", &s_string, N, NULL},
    {"detected", &s_string, N, NULL},
    {"resolved", &s_string, N, NULL},
    {"fields", &s_any, 0, NULL},
    {"notification_handles", &s_list_any, 0, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_incident_update_attrs, "IncidentUpdateAttributes",
       f_incident_update_attrs, NULL);
static const dd_field f_incident_create_data[] = {
    {"type", &e_incidents_type, R, "incidents"},
    {"attributes", &s_incident_create_attrs, R, NULL},
    {"relationships", &s_any, 0, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_incident_create_data, "IncidentCreateData", f_incident_create_data, NULL);
static const dd_field f_incident_update_data[] = {
    {"id", &s_string, R, "the incident's ID"},
    {"type", &e_incidents_type, R, "incidents"},
    {"attributes", &s_incident_update_attrs, 0, NULL},
    {"relationships", &s_any, 0, NULL},
    {NULL, NULL, 0, NULL}};
OBJECT(s_incident_update_data, "IncidentUpdateData", f_incident_update_data, NULL);
static const dd_field f_incident_create_body[] = {
    {"data", &s_incident_create_data, R, NULL}, {NULL, NULL, 0, NULL}};
OBJECT(s_incident_create_body, "IncidentCreateRequest", f_incident_create_body,
       NULL);
static const dd_field f_incident_update_body[] = {
    {"data", &s_incident_update_data, R, NULL}, {NULL, NULL, 0, NULL}};
OBJECT(s_incident_update_body, "IncidentUpdateRequest", f_incident_update_body,
       NULL);

#undef R
#undef N
#undef SECRET

/* ---------------------------------------------------------------- the operations */

const dd_qparam dd_qparams[] = {
    {DD_Q_INCLUDE_DELETED, "include_deleted", "include_deleted", DD_QT_BOOL,
     "boolean: include deleted incident types (default false)"},
    {DD_Q_INCLUDE, "include", "include", DD_QT_CSV,
     "string or list of strings: related resources (users, attachments)"},
    {DD_Q_PAGE_SIZE, "page_size", "page[size]", DD_QT_INT,
     "integer: items per page"},
    {DD_Q_PAGE_OFFSET, "page_offset", "page[offset]", DD_QT_INT,
     "integer: index of the first item"},
};
const int dd_nqparams = (int)(sizeof dd_qparams / sizeof dd_qparams[0]);

#define INTEG "/api/v2/incidents/{incident_id}/relationships/integrations"
#define TYPES "/api/v2/incidents/config/types"
#define OPSG "/api/v2/integration/opsgenie/services"
#define PD "/api/v1/integration/pagerduty/configuration/services"
#define BETA DD_OP_BETA
#define ANY DD_OP_ACCEPT_ANY
#define NO_BODY DD_OP_NO_BODY
#define INC_Q DD_Q_INCLUDE

const dd_op dd_ops[] = {
    /* incident integration metadata (beta) */
    {"ListIncidentIntegrations", "list_incident_integrations", "GET", INTEG, 0,
     NULL, BETA, "List an incident's integration metadata.", 200},
    {"CreateIncidentIntegration", "create_incident_integration", "POST", INTEG,
     0, &s_integration_body, BETA,
     "Attach integration metadata (Slack, Jira, Teams) to an incident.", 201},
    {"GetIncidentIntegration", "get_incident_integration", "GET",
     INTEG "/{integration_metadata_id}", 0, NULL, BETA,
     "Get one integration metadata of an incident.", 200},
    {"UpdateIncidentIntegration", "update_incident_integration", "PATCH",
     INTEG "/{integration_metadata_id}", 0, &s_integration_body, BETA,
     "Update an existing incident integration metadata.", 200},
    {"DeleteIncidentIntegration", "delete_incident_integration", "DELETE",
     INTEG "/{integration_metadata_id}", 0, NULL, BETA | ANY,
     "Remove an integration metadata from an incident.", 204},
    /* incident types (beta) */
    {"ListIncidentTypes", "list_incident_types", "GET", TYPES,
     DD_Q_INCLUDE_DELETED, NULL, BETA, "List incident types.", 200},
    {"CreateIncidentType", "create_incident_type", "POST", TYPES, 0,
     &s_type_create_body, BETA, "Create an incident type.", 201},
    {"GetIncidentType", "get_incident_type", "GET", TYPES "/{incident_type_id}",
     0, NULL, BETA, "Get an incident type.", 200},
    {"UpdateIncidentType", "update_incident_type", "PATCH",
     TYPES "/{incident_type_id}", 0, &s_type_patch_body, BETA,
     "Update an incident type.", 200},
    {"DeleteIncidentType", "delete_incident_type", "DELETE",
     TYPES "/{incident_type_id}", 0, NULL, BETA | ANY,
     "Delete an incident type.", 204},
    /* Opsgenie services */
    {"ListOpsgenieServices", "list_opsgenie_services", "GET", OPSG, 0, NULL, 0,
     "List the Opsgenie integration's services.", 200},
    {"CreateOpsgenieService", "create_opsgenie_service", "POST", OPSG, 0,
     &s_og_create_body, 0, "Create an Opsgenie service.", 201},
    {"GetOpsgenieService", "get_opsgenie_service", "GET",
     OPSG "/{integration_service_id}", 0, NULL, 0, "Get an Opsgenie service.",
     200},
    {"UpdateOpsgenieService", "update_opsgenie_service", "PATCH",
     OPSG "/{integration_service_id}", 0, &s_og_update_body, 0,
     "Update an Opsgenie service.", 200},
    {"DeleteOpsgenieService", "delete_opsgenie_service", "DELETE",
     OPSG "/{integration_service_id}", 0, NULL, ANY,
     "Delete an Opsgenie service.", 204},
    /* PagerDuty services (v1) */
    {"CreatePagerDutyIntegrationService", "create_pager_duty_integration_service",
     "POST", PD, 0, &s_pd_create, 0, "Create a PagerDuty service.", 201},
    {"GetPagerDutyIntegrationService", "get_pager_duty_integration_service",
     "GET", PD "/{service_name}", 0, NULL, 0, "Get a PagerDuty service.", 200},
    {"UpdatePagerDutyIntegrationService",
     "update_pager_duty_integration_service", "PUT", PD "/{service_name}", 0,
     &s_pd_update, ANY | NO_BODY, "Update a PagerDuty service's key.", 200},
    {"DeletePagerDutyIntegrationService",
     "delete_pager_duty_integration_service", "DELETE", PD "/{service_name}",
     0, NULL, ANY, "Delete a PagerDuty service.", 204},
    /* incidents (beta) */
    {"ListIncidents", "list_incidents", "GET", "/api/v2/incidents",
     INC_Q | DD_Q_PAGE_SIZE | DD_Q_PAGE_OFFSET, NULL, BETA,
     "List incidents, a page at a time.", 200},
    {"CreateIncident", "create_incident", "POST", "/api/v2/incidents", 0,
     &s_incident_create_body, BETA, "Declare an incident.", 201},
    {"GetIncident", "get_incident", "GET", "/api/v2/incidents/{incident_id}",
     INC_Q, NULL, BETA, "Get an incident.", 200},
    {"UpdateIncident", "update_incident", "PATCH",
     "/api/v2/incidents/{incident_id}", INC_Q, &s_incident_update_body, BETA,
     "Update an incident.", 200},
    {"DeleteIncident", "delete_incident", "DELETE",
     "/api/v2/incidents/{incident_id}", 0, NULL, BETA | ANY,
     "Delete an incident.", 204},
};
const int dd_nops = (int)(sizeof dd_ops / sizeof dd_ops[0]);
/* the client's bit set of beta operations and the lookups' candidate lists
 * are sized by DD_MAX_OPS */
typedef char dd_ops_fit[sizeof dd_ops / sizeof dd_ops[0] <= DD_MAX_OPS ? 1 : -1];

/* Operations by id and by method name: an open-addressing hash table,
 * built once per process (pthread_once: Lua states in several threads may
 * load the module at once). dd:call and dd:batch look an operation up on
 * every call; a walk down the list took some 30 strcmp. */
#define BY_NAME_SLOTS 256 /* a power of two, over twice the names */
typedef char by_name_fits[2 * (sizeof dd_ops / sizeof dd_ops[0]) < BY_NAME_SLOTS ? 1 : -1];
static const dd_op *by_name[BY_NAME_SLOTS];
static pthread_once_t by_name_once = PTHREAD_ONCE_INIT;

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a */
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static const char *op_name(const dd_op *op, int which)
{
    return which ? op->method : op->id;
}

static void by_name_add(const dd_op *op, int which)
{
    unsigned i = name_hash(op_name(op, which)) & (BY_NAME_SLOTS - 1);
    while (by_name[i])
        i = (i + 1) & (BY_NAME_SLOTS - 1);
    by_name[i] = (const dd_op *)((uintptr_t)op | (uintptr_t)which);
}

static void by_name_build(void)
{
    int i;
    for (i = 0; i < dd_nops; i++) {
        by_name_add(&dd_ops[i], 0);
        by_name_add(&dd_ops[i], 1);
    }
}

static const dd_op *op_find(const char *id)
{
    unsigned i;
    const dd_op *e;
    if (strncmp(id, "v1.", 3) == 0 || strncmp(id, "v2.", 3) == 0)
        id += 3;
    (void)pthread_once(&by_name_once, by_name_build); /* fails only on bad arguments */
    /* an entry is an operation with, in its lowest bit, which of its names
     * it is filed under (dd_op is pointer-aligned) */
    for (i = name_hash(id) & (BY_NAME_SLOTS - 1); (e = by_name[i]) != NULL;
         i = (i + 1) & (BY_NAME_SLOTS - 1)) {
        const dd_op *op = (const dd_op *)((uintptr_t)e & ~(uintptr_t)1);
        if (strcmp(op_name(op, (int)((uintptr_t)e & 1)), id) == 0)
            return op;
    }
    return NULL;
}

const dd_op *dd_op_findl(const char *id, size_t len)
{
    if (!id || strlen(id) != len) /* an embedded NUL: no operation's name */
        return NULL;
    return op_find(id);
}

int dd_op_path_param(const dd_op *op, int n, char *out, size_t outsz)
{
    const char *p = op->path, *open, *close;
    int i = 0;
    while ((open = strchr(p, '{')) != NULL) {
        close = strchr(open, '}');
        if (!close)
            return 0;
        if (i++ == n) {
            size_t len = (size_t)(close - open - 1);
            if (len >= outsz)
                return 0;
            memcpy(out, open + 1, len);
            out[len] = '\0';
            return 1;
        }
        p = close + 1;
    }
    return 0;
}

int dd_op_is_path_param(const dd_op *op, const char *k, size_t klen)
{
    const char *p = op->path, *open, *close;
    while ((open = strchr(p, '{')) != NULL && (close = strchr(open, '}')) != NULL) {
        if ((size_t)(close - open - 1) == klen && memcmp(open + 1, k, klen) == 0)
            return 1;
        p = close + 1;
    }
    return 0;
}

int dd_op_path_param_count(const dd_op *op)
{
    const char *p;
    int n = 0;
    for (p = op->path; (p = strchr(p, '{')) != NULL; p++)
        n++;
    return n;
}
