/*
 * ops_rules.c - the cross-field rules of the request bodies: what the
 * official client's package does not carry (its models check each field on
 * its own). scripts/gen-ops/overlay.js names the schema each one is run on,
 * after the object's own fields passed.
 *
 * Sources: the seed pages (../shared/seeds) and ../shared/api/REFERENCE.md.
 */
#include <string.h>

#include "ops.h"

/* integration_type must name the shape the metadata has. */
const char *dd_rule_integration_type(lua_State *L, int idx, const char **field)
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

/* region "custom" needs a custom_url. */
const char *dd_rule_custom_url(lua_State *L, int idx, const char **field)
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
