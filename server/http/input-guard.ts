// What every parsed request must be before any route looks at it: JSON no deeper than
// MAX_DEPTH (recursive code further on, such as the request hash of a pushed change,
// would otherwise overflow the stack: a 500), and no string, key, query or path
// parameter holding NUL or half a surrogate pair (PostgreSQL refuses them: a 500 too).
// Found by the hostile-payload fuzz (tests/server/fuzz.test.ts).
import type { FastifyInstance } from 'fastify';
import { BAD_CHARACTERS_MESSAGE, hasBadCharacters } from '../../src/domain/validation.ts';
import { fail } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route judges its body's items one by one and refuses bad text per item (push,
     * audit reads), so that one broken item is rejected alone instead of failing the whole
     * batch for ever from a device's queue. Only the depth limit applies to its body.
     */
    textCheckedPerItem?: boolean;
  }
}

/** The deepest legitimate body is 5 levels (push: envelope, changes, change, entry, details). */
export const MAX_DEPTH = 32;

type Problem = 'depth' | 'characters' | null;

/** Iterative, so that the check itself cannot overflow the stack. */
export function inspect(value: unknown, checkText: boolean): Problem {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') {
      if (checkText && hasBadCharacters(node)) return 'characters';
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DEPTH) return 'depth';
    for (const [key, child] of Object.entries(node)) {
      if (checkText && hasBadCharacters(key)) return 'characters';
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

function refuse(problem: Problem, where: string): void {
  if (problem === 'depth') throw fail.badRequest(`För djupt nästlad JSON (högst ${MAX_DEPTH} nivåer).`, { where });
  if (problem === 'characters') throw fail.badRequest(BAD_CHARACTERS_MESSAGE, { where });
}

export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    refuse(inspect(request.params, true), 'params');
    refuse(inspect(request.query, true), 'query');
    refuse(inspect(request.body, !request.routeOptions.config.textCheckedPerItem), 'body');
  });
}
