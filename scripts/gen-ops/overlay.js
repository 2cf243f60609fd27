// What the official client's package does not carry, applied by gen.js.
// Everything else in src/ops/ops_gen.c comes from the package.
//
// models.<Model>: label (the name help and errors show), rule (a C function of
// src/ops/ops_rules.c run after the object's fields), nullable (the fields that
// take null; without it every optional field does), and per field: label,
// min/max (string length or integer range), secret (masked in errors and
// logs), doc, any (skip the package's type: true for any value, "list"
// for a list of any values).
// operations.<Id>: summary.
// query["*"]["<wire> <type>"] / query.<Id>.<name>: doc.
"use strict";

// The five seed pages (/work/shared/seeds) and REFERENCE.md give these
// lengths, ranges and cross-field rules; the docs and labels are the ones
// the first, hand-written table had, kept so that help and errors read as
// before for the 24 operations it served.

const read_only = { doc: "read-only" };

const integrationBody = { label: "IncidentIntegrationMetadataRequest" };
const integrationData = { label: "IncidentIntegrationMetadataData", order: ["type", "attributes"] };

const incidentTypeAttrs = (create) => ({
  label: create ? "IncidentTypeAttributes" : "IncidentTypeUpdateAttributes",
  nullable: [],
  order: ["name", "description", "is_default", "prefix", "configuration"],
  fields: {
    name: { min: 1, label: "non-empty string", doc: "name of the incident type" },
    is_default: { doc: "default false" },
    prefix: { doc: "prepended to incident titles" },
  },
});

const opsgenieAttrs = (create) => ({
  rule: create ? "dd_rule_custom_url" : undefined,
  order: ["name", "opsgenie_api_key", "region", "custom_url"],
  nullable: ["custom_url"],
  fields: {
    name: { min: 1, max: 100, doc: create ? "name of the service (1 to 100 characters)" : "1 to 100 characters" },
    opsgenie_api_key: { secret: true, doc: "Opsgenie API key (a secret)" },
    region: { doc: "us, eu or custom" },
    custom_url: { doc: create ? "needed with region custom" : "may be null" },
  },
});

exports.models = {
  // ---- incident integration metadata (seeds 000, 001)
  IncidentIntegrationMetadataCreateRequest: integrationBody,
  IncidentIntegrationMetadataPatchRequest: integrationBody,
  IncidentIntegrationMetadataCreateData: integrationData,
  IncidentIntegrationMetadataPatchData: integrationData,
  IncidentIntegrationMetadataAttributes: {
    rule: "dd_rule_integration_type",
    nullable: [],
    order: ["integration_type", "metadata", "incident_id", "status"],
    fields: {
      integration_type: { label: "int32: 1 Slack, 7 Microsoft Teams, 8 Jira", max: 100,
        doc: "1 Slack, 7 Microsoft Teams, 8 Jira" },
      metadata: { doc: "channels, issues or teams" },
      incident_id: { doc: "UUID of the incident" },
      status: { label: "int32: 0 unknown .. 5 failed", min: 0, max: 5,
        doc: "0 unknown, 1 pending, 2 complete, 3 manually created, 4 manually updated, 5 failed" },
      created: read_only,
      modified: read_only,
    },
  },
  SlackIntegrationMetadata: { nullable: [], fields: { channels: { doc: "Slack channels" } } },
  SlackIntegrationMetadataChannelItem: {
    label: "SlackChannel", nullable: [],
    fields: {
      channel_id: { doc: "Slack channel ID" },
      channel_name: { doc: "name of the Slack channel" },
      redirect_url: { doc: "URL redirecting to the Slack channel" },
      team_id: { doc: "Slack team ID" },
    },
  },
  JiraIntegrationMetadata: { nullable: [], fields: { issues: { doc: "Jira issues" } } },
  JiraIntegrationMetadataIssuesItem: {
    label: "JiraIssue", nullable: [],
    order: ["account", "project_key"],
    fields: {
      account: { doc: "URL of the issue's Jira account" },
      project_key: { doc: "Jira project key" },
      issue_key: { doc: "Jira issue key" },
      issuetype_id: { doc: "Jira issue type" },
      redirect_url: { doc: "URL redirecting to the Jira issue" },
    },
  },
  MSTeamsIntegrationMetadata: { nullable: [], fields: { teams: { doc: "Microsoft Teams channels" } } },
  MSTeamsIntegrationMetadataTeamsItem: {
    label: "TeamsChannel", nullable: [],
    order: ["ms_tenant_id", "ms_channel_id", "ms_channel_name"],
    fields: {
      ms_tenant_id: { doc: "Microsoft Teams tenant ID" },
      ms_channel_id: { doc: "Microsoft Teams channel ID" },
      ms_channel_name: { doc: "Microsoft Teams channel name" },
      redirect_url: { doc: "URL redirecting to the Teams channel" },
    },
  },
  IncidentIntegrationMetadataMetadata: {
    label: "SlackIntegrationMetadata | JiraIntegrationMetadata | MSTeamsIntegrationMetadata",
  },

  // ---- incident types (seed 002)
  IncidentTypeCreateData: { order: ["type", "attributes"], nullable: [] },
  IncidentTypePatchData: { order: ["id", "type", "attributes"], nullable: [],
    fields: { id: { doc: "the incident type's ID" } } },
  IncidentTypeAttributes: incidentTypeAttrs(true),
  IncidentTypeUpdateAttributes: incidentTypeAttrs(false),
  IncidentTypeConfiguration: {
    nullable: [],
    fields: {
      slug_source: { doc: "default or servicenow" },
      // the seed shows it as an object in responses; the package says string
      create_message: { any: true },
    },
  },

  // ---- Opsgenie (seed 003)
  OpsgenieServiceCreateData: { order: ["type", "attributes"], nullable: [] },
  OpsgenieServiceUpdateData: {
    order: ["id", "type", "attributes"], nullable: [],
    fields: { id: { min: 1, max: 100, doc: "the service's ID (1 to 100 characters)" } },
  },
  OpsgenieServiceCreateAttributes: opsgenieAttrs(true),
  OpsgenieServiceUpdateAttributes: opsgenieAttrs(false),
  OpsgenieAccountCreateAttributes: { fields: { api_key: { secret: true, doc: "Opsgenie API key (a secret)" } } },
  OpsgenieAccountUpdateAttributes: { fields: { api_key: { secret: true, doc: "Opsgenie API key (a secret)" } } },

  // ---- PagerDuty (seed 004)
  PagerDutyService: {
    nullable: [],
    fields: {
      service_key: { secret: true, doc: "PagerDuty service key (a secret)" },
      service_name: { doc: "service name" },
    },
  },
  PagerDutyServiceKey: {
    nullable: [],
    fields: { service_key: { secret: true, doc: "PagerDuty service key (a secret)" } },
  },

  // ---- incidents
  IncidentCreateData: { order: ["type", "attributes"], nullable: [] },
  IncidentUpdateData: { order: ["id", "type", "attributes"], nullable: [],
    fields: { id: { doc: "the incident's ID" } } },
  IncidentCreateAttributes: {
    order: ["title", "customer_impacted"],
    nullable: ["customer_impact_scope", "incident_type_uuid"],
    // fields, initial_cells and notification_handles stay free-form, as
    // they were before the table was generated (the bad-input specs send
    // every kind of value through them)
    fields: {
      title: { doc: "title of the incident" },
      customer_impacted: { doc: "whether customers are impacted" },
      fields: { any: true, doc: "incident fields by name" },
      initial_cells: { any: "list" },
      notification_handles: { any: "list" },
    },
  },
  IncidentUpdateAttributes: {
    order: ["title", "customer_impacted"],
    nullable: ["customer_impact_scope", "customer_impact_start", "customer_impact_end", "detected"],
    fields: {
      fields: { any: true },
      notification_handles: { any: "list" },
    },
  },
};

// Summaries of the 24 operations of the first table (the package's are
// longer or say the same), and of those the package has none for; the
// others come from the package.
exports.operations = {
  ListIncidentIntegrations: { summary: "List an incident's integration metadata." },
  CreateIncidentIntegration: { summary: "Attach integration metadata (Slack, Jira, Teams) to an incident." },
  GetIncidentIntegration: { summary: "Get one integration metadata of an incident." },
  UpdateIncidentIntegration: { summary: "Update an existing incident integration metadata." },
  DeleteIncidentIntegration: { summary: "Remove an integration metadata from an incident." },
  ListIncidentTypes: { summary: "List incident types." },
  CreateIncidentType: { summary: "Create an incident type." },
  GetIncidentType: { summary: "Get an incident type." },
  UpdateIncidentType: { summary: "Update an incident type." },
  DeleteIncidentType: { summary: "Delete an incident type." },
  ListOpsgenieServices: { summary: "List the Opsgenie integration's services." },
  CreateOpsgenieService: { summary: "Create an Opsgenie service." },
  GetOpsgenieService: { summary: "Get an Opsgenie service." },
  UpdateOpsgenieService: { summary: "Update an Opsgenie service." },
  DeleteOpsgenieService: { summary: "Delete an Opsgenie service." },
  CreatePagerDutyIntegrationService: { summary: "Create a PagerDuty service." },
  GetPagerDutyIntegrationService: { summary: "Get a PagerDuty service." },
  UpdatePagerDutyIntegrationService: { summary: "Update a PagerDuty service's key." },
  DeletePagerDutyIntegrationService: { summary: "Delete a PagerDuty service." },
  ListIncidents: { summary: "List incidents, a page at a time." },
  CreateIncident: { summary: "Declare an incident." },
  GetIncident: { summary: "Get an incident." },
  UpdateIncident: { summary: "Update an incident." },
  DeleteIncident: { summary: "Delete an incident." },
  // the package has no summary for these
  DeleteIncidentAttachment: { summary: "Delete an incident attachment." },
  UpdateIncidentAttachment: { summary: "Update an incident attachment." },
};

// The first table's 24 operations keep their places at the head of the
// table (datadog.operations(), the CLI's list and tostring(dd) list them in
// this order as before); the others follow in the package's order.
exports.first = [
  "ListIncidentIntegrations", "CreateIncidentIntegration", "GetIncidentIntegration",
  "UpdateIncidentIntegration", "DeleteIncidentIntegration",
  "ListIncidentTypes", "CreateIncidentType", "GetIncidentType", "UpdateIncidentType",
  "DeleteIncidentType",
  "ListOpsgenieServices", "CreateOpsgenieService", "GetOpsgenieService",
  "UpdateOpsgenieService", "DeleteOpsgenieService",
  "CreatePagerDutyIntegrationService", "GetPagerDutyIntegrationService",
  "UpdatePagerDutyIntegrationService", "DeletePagerDutyIntegrationService",
  "ListIncidents", "CreateIncident", "GetIncident", "UpdateIncident", "DeleteIncident",
];

exports.query = {
  "*": {
    "include Array<IncidentRelatedObject>": {
      doc: "string or list of strings: related resources (users, attachments)" },
  },
  ListIncidentTypes: { include_deleted: { doc: "boolean: include deleted incident types (default false)" } },
  ListIncidents: {
    page_size: { doc: "integer: items per page" },
    page_offset: { doc: "integer: index of the first item" },
  },
};
