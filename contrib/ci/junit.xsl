<?xml version="1.0" encoding="UTF-8"?>
<!--
  The JUnit XML that danecheck check and summary write (their junit option) as a page, the way CI systems list test
  results (one row per domain: passed or failed, the verdict and reason, the findings), for
  where no CI system shows it:
    xsltproc contrib/ci/junit.xsl report.xml > report-junit.html
  XSLT 1.0 (xsltproc, Debian's xsltproc package). Every string from the file is written as text
  (method html escapes it); the page has no script and loads nothing.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/testsuites">
    <html lang="en">
      <head>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>
        <title>Test results: <xsl:value-of select="@name"/></title>
        <style>
          body { font: 14px/1.4 sans-serif; margin: 24px; color: #1f2328; }
          h1 { font-size: 20px; margin: 0 0 4px; }
          .meta { color: #59636e; margin-bottom: 16px; }
          .counts span { display: inline-block; padding: 2px 10px; border-radius: 12px; margin-right: 6px; font-weight: 600; }
          .counts .passed { background: #dafbe1; color: #1a7f37; }
          .counts .failed { background: #ffebe9; color: #cf222e; }
          table { border-collapse: collapse; width: 100%; margin-top: 16px; }
          th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #d1d9e0; }
          th { background: #f6f8fa; white-space: nowrap; }
          td.status { width: 5em; font-weight: 600; }
          tr.passed td.status { color: #1a7f37; }
          tr.failed td.status { color: #cf222e; }
          .message { font-weight: 600; }
          pre { margin: 4px 0 0; white-space: pre-wrap; font: 12px/1.4 monospace; color: #59636e; }
        </style>
      </head>
      <body>
        <xsl:apply-templates select="testsuite"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="testsuite">
    <h1><xsl:value-of select="@name"/></h1>
    <div class="meta">
      <xsl:value-of select="@timestamp"/> on <xsl:value-of select="@hostname"/>, <xsl:value-of select="@time"/> s<xsl:for-each select="properties/property">; <xsl:value-of select="@name"/>: <xsl:value-of select="@value"/></xsl:for-each>
    </div>
    <div class="counts">
      <span class="tests"><xsl:value-of select="@tests"/> tests</span>
      <span class="passed" data-count="passed"><xsl:value-of select="@tests - @failures"/> passed</span>
      <span class="failed" data-count="failed"><xsl:value-of select="@failures"/> failed</span>
    </div>
    <table>
      <thead><tr><th>Status</th><th>Domain</th><th>Class</th><th>Time (s)</th><th>Details</th></tr></thead>
      <tbody>
        <xsl:apply-templates select="testcase[failure]"/>
        <xsl:apply-templates select="testcase[not(failure)]"/>
      </tbody>
    </table>
    <xsl:if test="system-out">
      <pre class="run"><xsl:value-of select="system-out"/></pre>
    </xsl:if>
  </xsl:template>

  <xsl:template match="testcase">
    <tr class="{substring('passed', 1, 6 * not(failure))}{substring('failed', 1, 6 * boolean(failure))}" data-name="{@name}">
      <td class="status">
        <xsl:choose>
          <xsl:when test="failure">✗ failed</xsl:when>
          <xsl:otherwise>✓ passed</xsl:otherwise>
        </xsl:choose>
      </td>
      <td><xsl:value-of select="@name"/></td>
      <td><xsl:value-of select="@classname"/></td>
      <td><xsl:value-of select="@time"/></td>
      <td>
        <xsl:if test="failure">
          <div class="message"><xsl:value-of select="failure/@message"/></div>
          <pre><xsl:value-of select="failure"/></pre>
        </xsl:if>
        <xsl:if test="system-out">
          <pre><xsl:value-of select="system-out"/></pre>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
