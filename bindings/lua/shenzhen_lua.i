/* shenzhen_lua.i — the Lua 5.4 module.
 *
 * One file is installed, shenzhen.so, holding two modules:
 *   shenzhen_c  the SWIG wrapper of the whole C API (../shenzhen.i), with
 *               errors as `nil, message, status` as Lua libraries do;
 *   shenzhen    what require("shenzhen") returns: shenzhen.lua, compiled into
 *               the .so, run with shenzhen_c as its argument.
 * Embedding the Lua layer keeps the module a single file on LUA_CPATH, in the
 * build tree and installed alike; require("shenzhen_c") works once
 * require("shenzhen") has run (it is then in package.loaded).
 */
%module shenzhen_c

%{
#include "shenzhen.h"
#include "shenzhen_lua_wrapper.h" /* generated from shenzhen.lua: shzi_lua_wrapper[] */

SWIGEXPORT int SWIG_init(lua_State *L);

SWIGEXPORT int luaopen_shenzhen(lua_State *L) {
    luaL_requiref(L, "shenzhen_c", SWIG_init, 0);
    if (luaL_loadbufferx(L, shzi_lua_wrapper, sizeof shzi_lua_wrapper, "=shenzhen.lua", "t") !=
        LUA_OK)
        return lua_error(L);
    lua_insert(L, -2);
    lua_call(L, 1, 1);
    return 1;
}
%}

/* ---- Integers are Lua integers, not floats (SWIG's default) ------------- */

%typemap(in, checkfn="lua_isinteger") int64_t, int, enum SWIGTYPE
%{ $1 = ($type)lua_tointeger(L, $input); %}

%typemap(in, checkfn="lua_isinteger") size_t, unsigned int
%{
    if (lua_tointeger(L, $input) < 0) {
        SWIG_Lua_pushferrstring(L, "argument %d of %s must not be negative", $argnum, "$symname");
        SWIG_fail;
    }
    $1 = ($type)lua_tointeger(L, $input);
%}

%typemap(out) int64_t, int, size_t, unsigned int, enum SWIGTYPE
%{ lua_pushinteger(L, (lua_Integer)$1); SWIG_arg++; %}

/* ---- The language hooks of ../shenzhen.i --------------------------------- */

%define %shzi_raise(status)
    lua_pushnil(L);
    lua_pushstring(L, shz_errstr(status));
    lua_pushinteger(L, (lua_Integer)(status));
    return 3
%enddef

%define %shzi_push_text(ptr, len)
    lua_pushlstring(L, ptr, len);
    SWIG_arg++;
%enddef

%define %shzi_push_int(value)
    lua_pushinteger(L, (lua_Integer)(value));
    SWIG_arg++;
%enddef

%define %shzi_push_number(value)
    lua_pushnumber(L, (lua_Number)(value));
    SWIG_arg++;
%enddef

%define %shzi_push_handle(ptr, type)
    SWIG_NewPointerObj(L, (void *)(ptr), type, 0);
    SWIG_arg++;
%enddef

%define %shzi_push_owned(ptr, type)
    SWIG_NewPointerObj(L, (void *)(ptr), type, 1);
    SWIG_arg++;
%enddef

/* Only real strings: a number would be silently converted by lua_tolstring. */
%define %shzi_string_in(ptr, len, keep)
    if (lua_type(L, $input) != LUA_TSTRING) {
        SWIG_Lua_pushferrstring(L, "argument %d of %s must be a string, not %s", $argnum,
                                "$symname", luaL_typename(L, $input));
        SWIG_fail;
    }
    ptr = (char *)lua_tolstring(L, $input, &len);
    keep = NULL;
%enddef

%define %shzi_string_free(keep)
    (void)keep;
%enddef

%include "shenzhen.i"
