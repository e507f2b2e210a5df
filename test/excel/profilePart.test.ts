/**
 * The XML of a stored profile's custom XML part (src/excel/profilePart.ts): written by the add-in, read back as Excel
 * or another program may have rewritten it (a declaration, a namespace prefix, other quotes, CDATA, character
 * references, comments), and refused, saying why, when it is not ours or was written by a newer version.
 */
import { PROFILE_XML_NAMESPACE, profilePartXml, readProfilePart } from "../../src/excel/profilePart";
import { profileToJson } from "../../src/engine";
import { eastRegionDocument } from "../fixtures/eastRegionProfile";

const SAVED = new Date(Date.UTC(2026, 11, 3, 8, 30));

test("what the add-in writes reads back to the same id, time and JSON text, markup characters included", () => {
  const json = profileToJson({
    ...eastRegionDocument(),
    name: { en: `A&B <"east"> 'x'`, zh: "华东 & <重点>" },
  } as never);
  const xml = profilePartXml("east-region", json, SAVED);
  expect(
    xml.startsWith(
      `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="east-region" saved="2026-12-03T08:30:00.000Z">`,
    ),
  ).toBe(true);
  expect(xml).not.toMatch(/<(?!\/?profile\b)/); // the JSON's "<" is escaped: one element, no other markup
  expect(readProfilePart(xml)).toEqual({ id: "east-region", saved: "2026-12-03T08:30:00.000Z", json });
});

test("an id with markup characters survives in its attribute", () => {
  const xml = profilePartXml(`a"b<c>&d`, "{}", SAVED);
  expect(readProfilePart(xml)).toMatchObject({ id: `a"b<c>&d` });
});

test.each([
  [
    "a declaration, a byte-order mark and a comment",
    `\uFEFF<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<!-- kept --><profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="x" saved="s">{"a":1}</profile>\n`,
  ],
  [
    "a namespace prefix and single quotes",
    `<rfm:profile xmlns:rfm='${PROFILE_XML_NAMESPACE}' format='1' id='x' saved='s'>{"a":1}</rfm:profile>`,
  ],
  [
    "CDATA and character references",
    `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="x" saved="s"><![CDATA[{"a"]]>&#58;&#x31;}</profile>`,
  ],
])("read when written with %s", (_what, xml) => {
  expect(readProfilePart(xml)).toEqual({ id: "x", saved: "s", json: '{"a":1}' });
});

test.each([
  [
    "another namespace",
    `<profile xmlns="urn:example:other" format="1" id="x">{}</profile>`,
    /not in the form RFM Grader writes/,
  ],
  ["no namespace", `<profile format="1" id="x">{}</profile>`, /not in the form/],
  [
    "a child element",
    `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="x"><json>{}</json></profile>`,
    /not in the form/,
  ],
  ["a cut-off part", `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="x">{`, /not in the form/],
  [
    "an unknown entity",
    `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="x">&nbsp;</profile>`,
    /not in the form/,
  ],
  ["no id", `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1">{}</profile>`, /not in the form/],
  [
    "a newer format",
    `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="3" id="x">{}</profile>`,
    /newer version of RFM Grader \(format 3\)/,
  ],
])("refused, saying why: %s", (_what, xml, message) => {
  const read = readProfilePart(xml);
  expect("problem" in read && read.problem.en).toMatch(message);
  expect("problem" in read && read.problem.zh).toMatch(/分级方案/);
});
