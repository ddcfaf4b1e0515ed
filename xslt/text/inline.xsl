<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode text-inline: running text as a string, in the reading view (clean: no brackets, the
  alternatives in notes) or the diplomatic view (the translator's brackets as in the source).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:mode name="text-inline" on-no-match="text-only-copy"/>

  <xsl:template match="tei:supplied" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:value-of select="if ($view = 'diplomatic') then tk:supplied-marks(.)[1] else ()"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="if ($view = 'diplomatic') then tk:supplied-marks(.)[2] else ()"/>
  </xsl:template>

  <!-- A note that stands in the text in the translator's brackets: "[handwritten …]". -->
  <xsl:template match="tei:note[@place = 'inline']" mode="text-inline" priority="2">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$view = 'diplomatic'">
        <xsl:value-of select="tk:marks(tk:note-convention(.), @n)[1]"/>
        <xsl:apply-templates mode="#current"/>
        <xsl:value-of select="tk:marks(tk:note-convention(.), @n)[2]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:note-reference"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The number of a note listed at the end: glued as the source prints it, or in brackets. -->
  <xsl:template match="tei:ref[@type = 'note']" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:value-of select="if ($view = 'diplomatic') then normalize-space(.) else '[' || normalize-space(.) || ']'"/>
  </xsl:template>

  <xsl:template match="tei:add" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <!-- teikit's <add hand> is the translator's "[inserted by hand: …]"; other projects' additions say "added". -->
    <xsl:variable name="teikit" select="@hand and not(@place)"/>
    <xsl:value-of select="if ($view = 'diplomatic') then (if ($teikit) then tk:marks('hand-insertion', ())[1] else '[added: ') else ()"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="if ($view = 'diplomatic') then (if ($teikit) then tk:marks('hand-insertion', ())[2] else ']') else ()"/>
  </xsl:template>

  <!-- A flagged word: " [SIC]" after it, unless a comment carries the flag ("[SIC, plural]"). -->
  <xsl:template match="tei:sic[not(parent::tei:choice)]" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="if ($view = 'diplomatic' and empty(tk:comment-on(.))) then tk:marks('sic-flag', (@n, 'SIC')[1])[2] else ()"/>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'original-form']" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$view = 'diplomatic'">
        <xsl:value-of select="string-join(tk:marks('original-form-sic', ()), tk:clean(.))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:note-reference"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <choice>: the reading view shows the corrected/expanded/regular form, the other goes to a note. -->
  <xsl:template match="tei:choice" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:variable name="edited" select="(tei:corr, tei:expan, tei:reg)[1]"/>
    <xsl:variable name="original" select="(tei:sic, tei:abbr, tei:orig)[1]"/>
    <xsl:choose>
      <xsl:when test="$view = 'diplomatic' and $original/self::tei:sic[exists(tk:comment-on(.))]">
        <!-- "cen [sic, probably "can"]": the comment after the word says it all. -->
        <xsl:apply-templates select="$original/node()" mode="#current"/>
      </xsl:when>
      <xsl:when test="$view = 'reading' and exists(tk:footnote-number(., $view))">
        <xsl:apply-templates select="($edited, *[1])[1]/node()" mode="#current"/>
        <xsl:value-of select="'[' || tk:footnote-number(., $view) || ']'"/>
      </xsl:when>
      <!-- The diplomatic view, and a choice inside a note (where nothing is numbered): all its forms
           in place, the others in brackets (glued where the choice is inside a word: "lo[a]st"). -->
      <xsl:otherwise>
        <xsl:variable name="inside-word" select="matches(string(following-sibling::node()[1][self::text()]), '^\p{L}')"/>
        <xsl:apply-templates select="($original, *[1])[1]/node()" mode="#current"/>
        <xsl:for-each select="* except ($original, *[1])[1]">
          <xsl:value-of select="(if ($inside-word) then '[' else ' [') || tk:clean(.) || ']'"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:del" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$view = 'diplomatic'">
        <xsl:text>[deleted: </xsl:text>
        <xsl:apply-templates mode="#current"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:note-reference"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:note" mode="text-inline">
    <xsl:call-template name="tk:note-reference"/>
  </xsl:template>

  <!--
    Where the text refers to a note or a reading-note: "[n]". Inside a note nothing is numbered:
    a note in a note stands in brackets where it is, anything else as the diplomatic view shows it.
  -->
  <xsl:template name="tk:note-reference">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:variable name="n" select="tk:footnote-label(., $view)"/>
    <xsl:choose>
      <xsl:when test="exists($n)">
        <xsl:value-of select="'[' || $n || ']'"/>
      </xsl:when>
      <xsl:when test="self::tei:note[not(@type = 'original-form') and not(@place = 'inline')]">
        <xsl:value-of select="' ['"/>
        <xsl:apply-templates mode="text-inline"/>
        <xsl:value-of select="']'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="text-inline">
          <xsl:with-param name="view" select="'diplomatic'" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A critical apparatus entry: the lemma in the text; the other readings with their witnesses
       in a note (reading view) or in brackets where they stand (diplomatic view). -->
  <xsl:template match="tei:app" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:apply-templates select="tk:app-base(.)/node()" mode="#current"/>
    <xsl:variable name="n" select="tk:footnote-number(., $view)"/>
    <xsl:value-of select="if ($view = 'reading' and exists($n)) then '[' || $n || ']' else ' [' || tk:app-readings(.) || ']'"/>
  </xsl:template>

  <!-- A quotation: in quotation marks, as the printed text shows it. -->
  <xsl:template match="tei:q" mode="text-inline">
    <xsl:value-of select="tk:quote-marks(.)[1]"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="tk:quote-marks(.)[2]"/>
  </xsl:template>

  <!-- Not spoken: a stage direction inside a verse line, a gesture or sound described in a speech. -->
  <xsl:template match="tei:stage | tei:kinesic | tei:vocal | tei:incident" mode="text-inline">
    <xsl:value-of select="'(' || tk:clean(.) || ')'"/>
  </xsl:template>

  <xsl:template match="text()[not(normalize-space())][tk:is-joined-space(.)]" mode="text-inline"/>

  <xsl:template match="*[local-name() = $tk:name-parts][tk:is-name-part-before-another(.)]" mode="text-inline">
    <xsl:apply-templates mode="#current"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap" mode="text-inline">
    <xsl:value-of select="string-join(tk:marks('gap', ()), tk:gap-text(.))"/>
  </xsl:template>

  <!-- Leiden conventions: an abbreviation's expansion in parentheses ("num(ero)"). -->
  <xsl:template match="tei:ex" mode="text-inline">
    <xsl:value-of select="'('"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="')'"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="text-inline">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Page furniture (a stamp, a classification, a page number): kept, set apart by spaces. -->
  <xsl:template match="tei:fw" mode="text-inline">
    <xsl:value-of select="' ' || normalize-space(.) || ' '"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="text-inline">
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:if test="$view = 'diplomatic' and @n">
      <xsl:value-of select="' ' || tk:marks('page', @n)[1] || ' '"/>
    </xsl:if>
  </xsl:template>

  <!-- Characters XML cannot carry (teikit writes them as <g type="control">): nothing to print. -->
  <xsl:template match="tei:g[@type = 'control']" mode="text-inline"/>

  <!-- The text of the notes section: what a reference number stands for. -->
  <xsl:function name="tk:note-text" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$node/self::tei:choice">
        <!-- What the text does not show: the original form, or the other alternatives ("unclear: a"). -->
        <xsl:variable name="shown" select="($node/(tei:corr, tei:expan, tei:reg), $node/*[1])[1]"/>
        <xsl:sequence select="string-join(($node/* except $shown) ! (local-name(.) || ': ' || tk:clean(.)), '; ')"/>
      </xsl:when>
      <xsl:when test="$node/self::tei:app">
        <xsl:sequence select="tk:app-note($node)"/>
      </xsl:when>
      <xsl:when test="$node/self::tei:del">
        <xsl:sequence select="'deleted: ' || tk:clean($node)"/>
      </xsl:when>
      <xsl:when test="$node/@type = 'original-form'">
        <xsl:sequence select="'The original has: ' || tk:clean($node) || ' [SIC]'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="content">
          <xsl:apply-templates select="$node/node()" mode="text-inline">
            <xsl:with-param name="view" select="$view" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:variable>
        <xsl:sequence select="normalize-space($content)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
