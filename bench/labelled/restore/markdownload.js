#!/usr/bin/env node
// A MarkDownload-style clip of a saved page, as the labelled sets' clips were made (restore.py runs it).
// It reproduces MarkDownload's default output format using its default options: the default
// front-matter template filled in for the page, then the Readability.js article converted by
// Turndown with MarkDownload's default Turndown options and the gfm plugin. Written for this
// project on the public APIs of @mozilla/readability 0.6.0, turndown 7.2.5, turndown-plugin-gfm and
// jsdom (node_modules next to this file: `npm ci`). MarkDownload's own Turndown rules and DOM
// preparation are not used: the sets' clips were made without them. Nor is the extension's reset
// of a <base href> on another origin (no set's clip needs it): {baseURI} is the document's.
//
// usage: node markdownload.js PAGE.html PAGE_URL [--date YYYY-MM-DDTHH:mm:ss] [--charset LABEL]
//          [--document-title]
//   --date            the clip time for `created:`, UTC (default: now)
//   --charset         decode the saved page so (default: its BOM, else its <meta> charset, else UTF-8)
//   --document-title  {pageTitle} is the page's <title> (what MarkDownload puts there; p23's clips);
//                     default: Readability's article title (pages24-28 and t25's clips)
// The clip goes to stdout.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = path.join(__dirname, 'node_modules');
const { JSDOM } = require(path.join(modules, 'jsdom'));
const { Readability } = require(path.join(modules, '@mozilla/readability'));
const TurndownService = require(path.join(modules, 'turndown'));
const { gfm } = require(path.join(modules, 'turndown-plugin-gfm'));

// MarkDownload's default settings (data): the Turndown options and the front-matter template.
const TURNDOWN_OPTIONS = {
  headingStyle: 'atx',
  hr: '___',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  fence: '```',
  emDelimiter: '_',
  strongDelimiter: '**',
  linkStyle: 'inlined',
  linkReferenceStyle: 'full',
};
const TEMPLATE = [
  '---',
  'created: {date:YYYY-MM-DDTHH:mm:ss} (UTC {date:Z})',
  'tags: [{keywords}]',
  'source: {baseURI}',
  'author: {byline}',
  '---',
  '',
  '# {pageTitle}',
  '',
  '> ## Excerpt',
  '> {excerpt}',
  '',
  '---',
].join('\n');

function parseArgs(args) {
  const opts = { files: [], date: null, charset: null, documentTitle: false };
  while (args.length) {
    const arg = args.shift();
    if (arg === '--date') opts.date = args.shift();
    else if (arg === '--charset') opts.charset = args.shift();
    else if (arg === '--document-title') opts.documentTitle = true;
    else opts.files.push(arg);
  }
  if (opts.files.length !== 2) {
    process.stderr.write('usage: node markdownload.js PAGE.html PAGE_URL [--date T] [--charset L] [--document-title]\n');
    process.exit(2);
  }
  return opts;
}

// The encoding a browser would pick for a saved page without HTTP headers, simplified.
function pageEncoding(bytes) {
  const boms = [['utf-8', [0xef, 0xbb, 0xbf]], ['utf-16le', [0xff, 0xfe]], ['utf-16be', [0xfe, 0xff]]];
  for (const [name, bom] of boms) {
    if (bom.every((b, i) => bytes[i] === b)) return name;
  }
  const head = bytes.subarray(0, 1 << 16).toString('latin1');
  const meta = /<meta\b[^>]+\bcharset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : 'utf-8';
}

function decode(bytes, label) {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch (err) {
    return new TextDecoder('utf-8').decode(bytes); // a label TextDecoder does not know
  }
}

// {date:FORMAT} for the two formats the template uses (UTC).
function formatDate(when, format) {
  if (format === 'Z') return '+00:00';
  const two = (n) => String(n).padStart(2, '0');
  const parts = {
    YYYY: String(when.getUTCFullYear()),
    MM: two(when.getUTCMonth() + 1),
    DD: two(when.getUTCDate()),
    HH: two(when.getUTCHours()),
    mm: two(when.getUTCMinutes()),
    ss: two(when.getUTCSeconds()),
  };
  return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => parts[token]);
}

// Fill the template: known fields by value, {date:...} by the clip time; any other {...} left
// over (also inside a filled value) is dropped, as MarkDownload does.
function fillTemplate(template, fields, when) {
  const filled = template.replace(/\{([^{}\n]*)\}/g, (whole, name) => {
    if (name.startsWith('date:')) return formatDate(when, name.slice(5));
    return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : whole;
  });
  return filled.replace(/\{.*?\}/g, '');
}

// Characters MarkDownload takes out of the finished note: C0 controls but tab, LF and CR; DEL
// and C1; soft hyphen; Arabic letter mark; zero-width and direction marks U+200B-U+200F; line and
// paragraph separators; BOM; interlinear annotation marks and the object replacement character.
const INVISIBLE = new RegExp(
  '[' +
    [[0x00, 0x08], [0x0b, 0x0c], [0x0e, 0x1f], [0x7f, 0x9f], [0xad, 0xad], [0x61c, 0x61c],
      [0x200b, 0x200f], [0x2028, 0x2029], [0xfeff, 0xfeff], [0xfff9, 0xfffc]]
      .map(([lo, hi]) => `\\u{${lo.toString(16)}}-\\u{${hi.toString(16)}}`)
      .join('') +
    ']',
  'gu',
);

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const [pagePath, url] = opts.files;
  const bytes = fs.readFileSync(pagePath);
  const html = decode(bytes, opts.charset || pageEncoding(bytes));
  const doc = new JSDOM(html, { url, contentType: 'text/html' }).window.document;
  const documentTitle = doc.title;
  const baseURI = doc.baseURI;
  const keywordsMeta = doc.head.querySelector('meta[name="keywords"]');
  const keywords = keywordsMeta && keywordsMeta.content ? keywordsMeta.content.split(',').map((k) => k.trim()) : [];

  const article = new Readability(doc).parse();
  if (!article) {
    process.stderr.write('Readability found no article\n');
    process.exit(1);
  }
  const fields = {
    keywords: keywords.join(','),
    baseURI,
    byline: article.byline || '',
    pageTitle: (opts.documentTitle ? documentTitle : article.title) || '',
    excerpt: article.excerpt || '',
  };
  const when = opts.date ? new Date(opts.date.endsWith('Z') ? opts.date : opts.date + 'Z') : new Date();

  const turndown = new TurndownService(TURNDOWN_OPTIONS);
  turndown.use(gfm);
  const note = fillTemplate(TEMPLATE, fields, when) + '\n' + turndown.turndown(article.content) + '\n';
  process.stdout.write(note.replace(INVISIBLE, ''));
}

main();
