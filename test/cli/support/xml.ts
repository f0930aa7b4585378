/**
 * A strict little XML reader for the JUnit report: elements, attributes,
 * text and the five entities plus numeric references. It throws on anything
 * a real parser would refuse in such a file (a raw "<" or "&" in text, an
 * unknown entity, a mismatched or unclosed tag), so a test that reads the
 * report also shows it is well-formed.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/[<]/.test(raw)) throw new Error(`raw "<" in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`raw "&" in ${JSON.stringify(raw)}`);
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`unknown entity ${match}`);
    return value;
  });
}

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = /<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = token.exec(body)) !== null) {
    end = token.lastIndex;
    const [, closing, opening, attributeText = '', selfClosing, text] = match;
    const top = stack.at(-1);
    if (top === undefined) throw new Error('content after the root element');
    if (text !== undefined) {
      top.text += decode(text);
    } else if (closing !== undefined) {
      if (top.name !== closing) throw new Error(`</${closing}> closes <${top.name}>`);
      stack.pop();
    } else if (opening !== undefined) {
      const attributes: Record<string, string> = {};
      for (const [, name = '', value = ''] of attributeText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (name in attributes) throw new Error(`attribute ${name} twice on <${opening}>`);
        attributes[name] = decode(value);
      }
      const element: XmlElement = { name: opening, attributes, children: [], text: '' };
      top.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    }
  }
  if (end !== body.length) throw new Error(`not XML at ${JSON.stringify(body.slice(end, end + 40))}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name ?? ''}> is not closed`);
  const [element, ...more] = root.children;
  if (element === undefined || more.length > 0 || root.text.trim() !== '') throw new Error('not exactly one root element');
  return element;
}

/** Every element named `name` below `element`, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
