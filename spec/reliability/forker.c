/*
 * forker.c - a test-only Lua module for spec/reliability/fork_spec.lua:
 * fork() inside the Lua process that holds the clients (os.execute would
 * start another process, not a copy of this one), and what a test needs
 * around it. The spec compiles it; it is never installed.
 *
 *   forker.fork()        pid in the parent, 0 in the child
 *   forker.wait(pid)     the child's exit code (-1 when it died of a signal)
 *   forker.exit(code)    _exit: no atexit handlers, no Lua state closed, so
 *                        the child ends exactly where the test says
 *   forker.sockets()     { ["socket:[inode]"] = true, ... } this process holds
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

static int f_fork(lua_State *L)
{
    pid_t pid;
    fflush(NULL); /* no buffered output written twice */
    pid = fork();
    if (pid < 0)
        return luaL_error(L, "fork failed");
    lua_pushinteger(L, (lua_Integer)pid);
    return 1;
}

static int f_wait(lua_State *L)
{
    int st = 0;
    pid_t pid = (pid_t)luaL_checkinteger(L, 1);
    if (waitpid(pid, &st, 0) < 0)
        return luaL_error(L, "waitpid failed");
    lua_pushinteger(L, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return 1;
}

static int f_exit(lua_State *L)
{
    fflush(NULL);
    _exit((int)luaL_optinteger(L, 1, 0));
    return 0;
}

static int f_sockets(lua_State *L)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    char path[300], link[128];
    lua_newtable(L);
    if (!d)
        return 1;
    while ((e = readdir(d)) != NULL) {
        ssize_t n;
        snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
        n = readlink(path, link, sizeof link - 1);
        if (n > 0 && strncmp(link, "socket:", 7) == 0) {
            lua_pushlstring(L, link, (size_t)n);
            lua_pushboolean(L, 1);
            lua_rawset(L, -3);
        }
    }
    closedir(d);
    return 1;
}

int luaopen_forker(lua_State *L);
int luaopen_forker(lua_State *L)
{
    static const luaL_Reg fns[] = {{"fork", f_fork}, {"wait", f_wait},
                                   {"exit", f_exit}, {"sockets", f_sockets},
                                   {NULL, NULL}};
    lua_newtable(L);
    luaL_setfuncs(L, fns, 0);
    return 1;
}
