// mcpx/explained-discard, an ESLint rule: a promise dropped on purpose (`void promise`, or a
// `.catch(() => undefined)` that swallows its failure) carries a comment saying why, on the line
// above or on its own lines, as STYLE.md asks. no-floating-promises accepts both forms silently.

/** True for a handler that does nothing: `() => undefined`, `() => {}`, `() => void 0`. */
function isEmptyHandler(node) {
  if (node === undefined || (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression')) return false;
  const body = node.body;
  if (body.type === 'BlockStatement') return body.body.length === 0;
  if (body.type === 'Identifier') return body.name === 'undefined';
  return body.type === 'UnaryExpression' && body.operator === 'void' && body.argument.type === 'Literal';
}

/** True for `x.catch(nothing)` and `x.then(f, nothing)`. */
function isSwallow(node) {
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  if (callee.property.name === 'catch') return node.arguments.length === 1 && isEmptyHandler(node.arguments[0]);
  if (callee.property.name === 'then') return node.arguments.length === 2 && isEmptyHandler(node.arguments[1]);
  return false;
}

/** The statement (or class member) that holds `node`. */
function statementOf(node) {
  let current = node;
  while (current.parent !== undefined && current.parent !== null && !/(Statement|Declaration|PropertyDefinition)$/.test(current.type))
    current = current.parent;
  return current;
}

/** @type {import('eslint').Rule.RuleModule} */
export const explainedDiscard = {
  meta: {
    type: 'suggestion',
    docs: { description: 'A promise dropped on purpose (void, or a catch that swallows) says why in a comment.' },
    schema: [],
    messages: {
      void: 'This drops a promise with void: say why its result and failure do not matter in a comment on the line above.',
      swallow: 'This swallows a failure: say why it does not matter in a comment on the line above.',
    },
  },
  create(context) {
    const source = context.sourceCode;
    const services = source.parserServices;
    const checker = services?.program?.getTypeChecker();
    const commented = new Set();
    for (const comment of source.getAllComments()) {
      if (/^\s*eslint/.test(comment.value)) continue;
      for (let line = comment.loc.start.line; line <= comment.loc.end.line; line++) commented.add(line);
    }
    const explained = (node) => {
      const first = Math.min(node.loc.start.line, statementOf(node).loc.start.line);
      for (let line = first - 1; line <= node.loc.end.line; line++) if (commented.has(line)) return true;
      return false;
    };
    /** Without types (plain JavaScript), any call counts as a promise. */
    const isThenable = (node) => {
      if (checker === undefined) return node.type === 'CallExpression';
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
      return (type.isUnion() ? type.types : [type]).some((part) => part.getProperty('then') !== undefined);
    };
    return {
      'UnaryExpression[operator="void"]'(node) {
        if (isThenable(node.argument) && !explained(node)) context.report({ node, messageId: 'void' });
      },
      CallExpression(node) {
        if (node.parent?.type === 'UnaryExpression' && node.parent.operator === 'void') return;
        if (isSwallow(node) && !explained(node)) context.report({ node, messageId: 'swallow' });
      },
    };
  },
};
