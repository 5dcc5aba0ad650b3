import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { removeAnalytics, withoutAnalytics } from '../../../../suites/support/allure/no-analytics.ts'

// The end of the body of a report plugin-awesome 3.18 writes.
const REPORT = `<body>
    <div id="app"></div>
    <script src="data:text/javascript;base64,KCk9Pnt9"></script>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-LNDJ3J7WT0', {
          "report": "awesome",
          "allureVersion": "3.18.0",
          "reportUuid": "e8aafd60-25fc-4d82-a043-c6ae85b36dc0",
          "single_file": "true"
        });
    </script>
    
    <script async>
      window.allureReportDataReady = false;
    </script>
</body>`

describe('withoutAnalytics', () => {
  it("takes out the tag manager's loader and its configuration, and nothing else", () => {
    const cleaned = withoutAnalytics(REPORT)
    expect(cleaned).not.toMatch(/googletagmanager|gtag|dataLayer/)
    expect(cleaned).toContain('<script src="data:text/javascript;base64,KCk9Pnt9"></script>\n')
    expect(cleaned).toContain(
      '<script async>\n      window.allureReportDataReady = false;\n    </script>\n</body>',
    )
    expect(cleaned.split('<script').length).toBe(REPORT.split('<script').length - 2)
  })

  it('leaves a report without analytics as it is', () => {
    const cleaned = withoutAnalytics(REPORT)
    expect(withoutAnalytics(cleaned)).toBe(cleaned)
  })
})

describe('removeAnalytics', () => {
  it('rewrites the file, and says whether the tag manager is gone', () => {
    const directory = mkdtempSync(join(tmpdir(), 'no-analytics-'))
    try {
      const file = join(directory, 'index.html')
      writeFileSync(file, REPORT)
      expect(removeAnalytics(file)).toBe(true)
      expect(readFileSync(file, 'utf8')).toBe(withoutAnalytics(REPORT))
      // A template that loads it some other way: left alone, and said.
      writeFileSync(file, '<script defer src="https://www.googletagmanager.com/gtag/js"></script>')
      expect(removeAnalytics(file)).toBe(false)
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
