/* shenzhen_alloctest: the allocation countdown of the test build of libshenzhen (alloc.h), for
 * the Lua test. Lua has no foreign-function interface, so this small module, linked with that
 * build, hands its three test functions to Lua:
 *   fail(n [, persistent])  arm the countdown (n <= 0 disarms)
 *   allocations()           allocations attempted since it was armed
 *   live()                  blocks allocated and not yet freed */
#include <lauxlib.h>
#include <lua.h>

#include "alloc.h"

static int hook_fail(lua_State *L)
{
    lua_Integer n = luaL_checkinteger(L, 1);
    shzi_test_fail_allocation((long)n, lua_toboolean(L, 2));
    return 0;
}

static int hook_allocations(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)shzi_test_allocations());
    return 1;
}

static int hook_live(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)shzi_test_live_allocations());
    return 1;
}

__attribute__((visibility("default"))) int luaopen_shenzhen_alloctest(lua_State *L);

int luaopen_shenzhen_alloctest(lua_State *L)
{
    static const luaL_Reg functions[] = {
        {"fail", hook_fail}, {"allocations", hook_allocations}, {"live", hook_live}, {NULL, NULL}};
    luaL_newlib(L, functions);
    return 1;
}
