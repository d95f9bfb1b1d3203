import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENTRIES = ['./index.ts', './schemas.ts', './testing/index.ts', './skills.ts', './tasks.ts', './apps.ts'].map((entry) =>
  fileURLToPath(new URL(entry, import.meta.url)),
);
const SOURCE_ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * The types that the public signatures of the entries name (members of exported classes and
 * interfaces, parameters, results, aliases, and what those name in turn) but that no entry
 * exports, each with the declarations that name it. File-local helpers (declared without
 * `export`) are left out: they are not meant to be named.
 */
function unreachableTypes(): Map<string, Set<string>> {
  const program = ts.createProgram(ENTRIES, {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const unalias = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const ours = (declaration: ts.Node): boolean => declaration.getSourceFile().fileName.startsWith(SOURCE_ROOT);
  const exported = new Set<ts.Symbol>();
  for (const entry of ENTRIES) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const symbol of checker.getExportsOfModule(module)) exported.add(unalias(symbol));
  }
  const missing = new Map<string, Set<string>>();
  const visited = new Set<ts.Symbol>();

  const note = (symbol: ts.Symbol, owner: string): void => {
    const declarations = (symbol.declarations ?? []).filter(ours);
    if (declarations.length === 0 || symbol.flags & ts.SymbolFlags.TypeParameter) return;
    const named = declarations.some((declaration) => ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Export);
    if (named && !exported.has(symbol)) missing.set(symbol.name, (missing.get(symbol.name) ?? new Set()).add(owner));
    visit(symbol);
  };
  const walk = (node: ts.Node | undefined, owner: string): void => {
    if (node === undefined) return;
    const name = ts.isTypeReferenceNode(node) ? node.typeName : ts.isExpressionWithTypeArguments(node) ? node.expression : undefined;
    const symbol = name === undefined ? undefined : checker.getSymbolAtLocation(name);
    if (symbol !== undefined) note(unalias(symbol), owner);
    ts.forEachChild(node, (child) => walk(child, owner));
  };
  const hidden = (member: ts.ClassElement): boolean =>
    (member.name !== undefined && ts.isPrivateIdentifier(member.name)) ||
    (ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
  // The annotations of a declaration, not its body: a function's parameters, result and type parameters, a property's type.
  const annotations = (node: ts.Node): Array<ts.Node | undefined> => {
    const parts: Array<ts.Node | undefined> = [];
    if ('type' in node) parts.push(node.type as ts.Node | undefined);
    if ('parameters' in node) for (const parameter of node.parameters as ts.NodeArray<ts.ParameterDeclaration>) parts.push(parameter.type);
    const typeParameters =
      'typeParameters' in node ? (node.typeParameters as ts.NodeArray<ts.TypeParameterDeclaration> | undefined) : undefined;
    for (const parameter of typeParameters ?? []) parts.push(parameter.constraint, parameter.default);
    return parts;
  };
  const inferred = (declaration: ts.Node, owner: string): void => {
    const annotatable =
      ts.isMethodDeclaration(declaration) ||
      ts.isGetAccessor(declaration) ||
      ts.isPropertyDeclaration(declaration) ||
      ts.isFunctionDeclaration(declaration) ||
      ts.isVariableDeclaration(declaration);
    if (!annotatable || declaration.type !== undefined) return;
    const type = ts.isFunctionLike(declaration)
      ? checker.getSignatureFromDeclaration(declaration)?.getReturnType()
      : checker.getTypeAtLocation(declaration);
    const symbol = type?.aliasSymbol ?? type?.getSymbol();
    if (symbol !== undefined && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class))
      note(symbol, owner);
  };
  const visit = (symbol: ts.Symbol): void => {
    if (visited.has(symbol)) return;
    visited.add(symbol);
    for (const declaration of (symbol.declarations ?? []).filter(ours)) {
      if (ts.isClassDeclaration(declaration)) {
        for (const clause of declaration.heritageClauses ?? []) for (const type of clause.types) walk(type, symbol.name);
        for (const member of declaration.members) {
          if (hidden(member)) continue;
          const owner = `${symbol.name}.${member.name?.getText() ?? 'constructor'}`;
          for (const part of annotations(member)) walk(part, owner);
          if (!ts.isConstructorDeclaration(member)) inferred(member, owner);
        }
      } else if (ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration)) {
        for (const part of annotations(declaration)) walk(part, symbol.name);
        inferred(declaration, symbol.name);
      } else {
        ts.forEachChild(declaration, (child) => walk(child, symbol.name));
      }
    }
  };
  for (const symbol of exported) visit(symbol);
  return missing;
}

describe('the public types of @mcpx/core', () => {
  // Compiles the package: seconds on a loaded machine, hence the long time-out.
  it('name in their signatures only types that @mcpx/core, /schemas, /testing, /skills, /tasks or /apps export', () => {
    const missing = [...unreachableTypes()].map(([name, owners]) => `${name} (named by ${[...owners].join(', ')})`);
    expect(missing).toEqual([]);
  }, 120_000);
});
