// Test inputs built in the test: the seeds as text, a .docx (a stored zip written here, so the
// tests need no zip library), and helpers that drive the new-draft flow.
import fs from "node:fs";
import path from "node:path";

const SEEDS = path.resolve(import.meta.dirname, "../seeds");
export const seed = (n) => fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(n))), "utf8");

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive with stored (uncompressed) entries: [{name, data: Buffer}]. */
export function zipStore(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
/** A minimal .docx whose paragraphs are the given lines. */
export function docx(lines) {
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join("");
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipStore([
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "word/document.xml", data: Buffer.from(xml) },
  ]);
}

/** From the start page: new draft from the built-in sample, no replacements. */
export async function newSampleDraft(page, { localize = false } = {}) {
  await page.getByTestId("new-draft").click();
  await page.getByTestId("use-sample").click();
  await page.getByTestId("confirm-template").click();
  await page.getByTestId("doc-data-next").click();
  await page.getByTestId(localize ? "create-draft" : "create-draft-plain").click();
  await page.getByTestId("editor").waitFor();
}

/** A fresh page with a new draft from the sample. */
export async function openDraft(env) {
  const { openPage } = await import("./harness.mjs");
  const s = await openPage(env.browser);
  await s.page.goto(env.srv.url);
  await newSampleDraft(s.page);
  return s;
}

/** The outline row whose number is `n` (e.g. "3."), in the main body. */
export const row = (page, n) => page.getByTestId("edit-row").filter({ has: page.getByTestId("row-number").getByText(n, { exact: true }) }).first();

/** Read a zip archive (stored or deflated entries) into {name: Buffer}. */
export async function unzip(buf) {
  const zlib = await import("node:zlib");
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip");
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out[name] = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** A synthetic plan of `tasks` tasks as document text (ten to a group), for size tests and the
 * browser benchmark. */
export function synthetic(tasks) {
  const lines = ["2025年全区安全生产与防灾减灾救灾工作要点", "为做好全区安全生产工作，制定本要点。", "一、重点任务"];
  const perGroup = 10;
  for (let i = 0; i < tasks; i++) {
    if (i % perGroup === 0) lines.push(`（${cn(i / perGroup + 1)}）第${i / perGroup + 1}组重点工作`);
    lines.push(`${i + 1}．推进第${i + 1}项工作。加强组织领导，完善工作机制，细化工作措施，确保任务按期完成。（责任单位：区应急局，各镇街、区公安分局、区住房城乡建委等有关单位）`);
  }
  return lines.join("\n");
}
function cn(n) {
  const d = "零一二三四五六七八九";
  if (n < 10) return d[n];
  if (n < 20) return "十" + (n % 10 ? d[n % 10] : "");
  if (n < 100) return d[Math.floor(n / 10)] + "十" + (n % 10 ? d[n % 10] : "");
  return String(n);
}
