import { createRequire } from 'node:module';
import vm from 'node:vm';

/**
 * Loads an ES-module-only package (openid-client) from this CommonJS app. Node 20.19+ can require()
 * ES modules, but Jest's module registry cannot without flags, so the require used is Node's own,
 * taken from the main context: the same loader in production and under Jest. The module is loaded once.
 */
export function requireEsm<T>(specifier: string): T {
  const nodeCreateRequire = vm.runInThisContext(
    'process.getBuiltinModule("node:module").createRequire',
  ) as typeof createRequire;
  return nodeCreateRequire(__filename)(specifier) as T;
}
