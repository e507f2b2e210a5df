import { SaxesParser } from "saxes";

/** A small element tree from a strict XML parser (saxes throws on anything not well-formed). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("error", (err) => {
    throw err;
  });
  parser.on("opentag", (tag) => {
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: "",
      parent,
    };
    parent.children.push(el);
    stack.push(el);
  });
  parser.on("text", (text) => {
    stack[stack.length - 1].text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error("expected exactly one root element");
  return root.children[0];
}

/** Every element below `el` (depth first), optionally only those with this name. */
export function descendants(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (name === undefined || c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}

/** Follows a path of child names: path(root, "VersionOverrides", "Hosts", "Host"). */
export function path(el: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, el);
}
