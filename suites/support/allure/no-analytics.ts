// Allure's report template (plugin-awesome 3.18) loads Google's tag manager and sends it the
// report's id and the page's address each time someone opens a report: a published conformance
// report would tell Google where it lives. The report does not need it; `npm run report` takes
// those two script tags out of the HTML it writes.
import { readFileSync, writeFileSync } from 'node:fs'

const TAG_MANAGER = 'googletagmanager.com'
// The loader, then the inline script that configures it (it calls gtag('config', …)).
const ANALYTICS =
  /[ \t]*<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=[^"]*"><\/script>\s*<script>(?:(?!<\/script>)[\s\S])*?gtag\('config'[\s\S]*?<\/script>\n?/g

/** The HTML without Allure's analytics; the same HTML when it has none. */
export function withoutAnalytics(html: string): string {
  return html.replace(ANALYTICS, '')
}

/**
 * Takes the analytics out of a report's HTML file. False when the file still names the tag
 * manager afterwards: Allure's template changed, and the caller says so.
 */
export function removeAnalytics(file: string): boolean {
  const html = readFileSync(file, 'utf8')
  const cleaned = withoutAnalytics(html)
  if (cleaned !== html) writeFileSync(file, cleaned)
  return !cleaned.includes(TAG_MANAGER)
}
