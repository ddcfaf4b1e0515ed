<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode html-inline: running text as HTML. Every editorial intervention is marked up once and
  shown per view by the stylesheet: class "dip" is shown only in the diplomatic view (the
  translator's brackets and flags as in the source), class "rdg" only in the reading view.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:html="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="html-inline" on-no-match="text-only-copy"/>

  <xsl:template match="tei:supplied" mode="html-inline">
    <xsl:variable name="marks" select="tk:supplied-marks(.)"/>
    <span class="supplied" title="{tk:supplied-title(.)}"><span class="dip">{$marks[1]}</span><xsl:apply-templates mode="#current"/><span class="dip">{$marks[2]}</span></span>
  </xsl:template>

  <!-- A note that stands in the text in the translator's brackets: shown where it stands. -->
  <xsl:template match="tei:note[@place = 'inline']" mode="html-inline" priority="2">
    <span class="inline-note {@type}" title="{upper-case(substring(@type, 1, 1)) || substring(@type, 2)} note"><span class="bracket">[</span><xsl:if test="@target and @n"><span class="dip flag">{substring-after(tk:marks('sic-comment', @n)[1], '[')}</span></xsl:if><xsl:apply-templates mode="#current"/><span class="bracket">]</span></span>
  </xsl:template>

  <!-- A note's first reference carries an id, which the note links back to (html/blocks.xsl). -->
  <xsl:key name="tk:note-reference" match="tei:ref[@type = 'note'][starts-with(@target, '#')]" use="substring(@target, 2)"/>

  <xsl:template match="tei:ref[@type = 'note'][starts-with(@target, '#')]" mode="html-inline">
    <xsl:variable name="target" select="substring(@target, 2)"/>
    <sup class="noteref"><a href="#{$target}" aria-label="Note {normalize-space(.)}"><xsl:if test="key('tk:note-reference', $target)[1] is ."><xsl:attribute name="id" select="'ref-' || $target"/></xsl:if>{normalize-space(.)}</a></sup>
    <!-- teikit's notes begin with their number ("33. Not printed"): no label before them. -->
    <xsl:call-template name="tk:sidenote">
      <xsl:with-param name="note" select="key('tk:id', substring(@target, 2))[self::tei:note]"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    A note beside its reference, in the margin of a wide screen (html/style.xsl shows it there
    and nowhere else). A copy for the eye only: the linked note at the end is the one read
    aloud, so this one is hidden from assistive technology and holds no link and no id.
  -->
  <xsl:template name="tk:sidenote">
    <xsl:param name="note" as="element()?"/>
    <xsl:param name="label" as="xs:string?"/>
    <xsl:if test="exists($note) and not($note/ancestor::tei:note)">
      <xsl:variable name="content" as="node()*">
        <xsl:apply-templates select="$note/node()" mode="html-inline"/>
      </xsl:variable>
      <span class="sidenote" aria-hidden="true"><xsl:for-each select="$label"><span class="note-label">{.}</span><xsl:text> </xsl:text></xsl:for-each><xsl:apply-templates select="$content" mode="tk:unlinked"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="tk:unlinked" on-no-match="shallow-copy"/>
  <xsl:template match="html:a" mode="tk:unlinked"><span><xsl:apply-templates select="@class, node()" mode="#current"/></span></xsl:template>
  <xsl:template match="@id | @href | @aria-label | @rel" mode="tk:unlinked"/>
  <xsl:template match="html:span[@class = 'sidenote']" mode="tk:unlinked"/>

  <xsl:template match="tei:add" mode="html-inline">
    <!-- teikit's <add hand> is the translator's "[inserted by hand: …]"; other projects' additions say "added". -->
    <xsl:variable name="teikit" select="@hand and not(@place)"/>
    <ins class="add" title="{if ($teikit) then 'Inserted by hand' else 'Added'}"><span class="dip">{if ($teikit) then tk:marks('hand-insertion', ())[1] else '[added: '}</span><xsl:apply-templates mode="#current"/><span class="dip">{if ($teikit) then tk:marks('hand-insertion', ())[2] else ']'}</span></ins>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]" mode="html-inline">
    <span class="sic" title="Reproduced as found in the original [SIC]"><xsl:apply-templates mode="#current"/></span><xsl:if test="empty(tk:comment-on(.))"><span class="dip flag">{tk:marks('sic-flag', (@n, 'SIC')[1])[2]}</span></xsl:if>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'original-form']" mode="html-inline">
    <span class="dip original-form">{tk:marks('original-form-sic', ())[1]}<span class="sic">{tk:clean(.)}</span>{tk:marks('original-form-sic', ())[2]}</span><span class="rdg original-form"> (original: <i>{tk:clean(.)}</i>)</span>
  </xsl:template>

  <!-- The reading view shows the edited form, the diplomatic view the original with the others in
       brackets (glued inside a word: "lo[a]st"); the title names every alternative. -->
  <xsl:template match="tei:choice" mode="html-inline">
    <xsl:variable name="edited" select="(tei:corr, tei:expan, tei:reg, *[1])[1]"/>
    <xsl:variable name="original" select="(tei:sic, tei:abbr, tei:orig, *[1])[1]"/>
    <xsl:variable name="open" select="if (matches(string(following-sibling::node()[1][self::text()]), '^\p{L}')) then '[' else ' ['"/>
    <span class="choice" title="{string-join(* ! (local-name(.) || ': ' || tk:clean(.)), '; ')}"><span class="rdg"><xsl:apply-templates select="$edited/node()" mode="#current"/></span><span class="dip"><xsl:apply-templates select="$original/node()" mode="#current"/><xsl:for-each select="* except $original">{$open}{tk:clean(.)}]</xsl:for-each></span></span>
  </xsl:template>

  <!-- A critical apparatus entry: the lemma in the text, the other readings with their witnesses
       in the diplomatic view and in the title. -->
  <xsl:template match="tei:app" mode="html-inline">
    <span class="app" title="{tk:app-note(.)}"><xsl:apply-templates select="tk:app-base(.)/node()" mode="#current"/><span class="dip rdg-app"> [{tk:app-readings(.)}]</span></span>
  </xsl:template>

  <xsl:template match="tei:q" mode="html-inline">
    <q><xsl:apply-templates mode="#current"/></q>
  </xsl:template>

  <!-- Not spoken: a stage direction inside a verse line, a gesture or sound described in a speech. -->
  <xsl:template match="tei:stage | tei:kinesic | tei:vocal | tei:incident" mode="html-inline">
    <span class="stage-inline">({tk:clean(.)})</span>
  </xsl:template>

  <xsl:template match="text()[not(normalize-space())][tk:is-joined-space(.)]" mode="html-inline"/>

  <xsl:template match="*[local-name() = $tk:name-parts][tk:is-name-part-before-another(.)]" mode="html-inline">
    <xsl:apply-templates mode="#current"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:del" mode="html-inline">
    <del class="dip" title="Deleted"><xsl:apply-templates mode="#current"/></del>
  </xsl:template>

  <xsl:template match="tei:gap" mode="html-inline">
    <span class="gap" title="Gap{@reason ! (': ' || .)}{tk:gap-extent(.) ! (', ' || .)}">{tk:marks('gap', ())[1]}{tk:gap-text(.)}{tk:marks('gap', ())[2]}</span>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="html-inline">
    <span class="unclear" title="Uncertain reading"><xsl:apply-templates mode="#current"/><span class="dip">[?]</span></span>
  </xsl:template>

  <xsl:template match="tei:persName[@ref] | tei:rs[@ref] | tei:name[@ref]" mode="html-inline">
    <xsl:variable name="person" select="tk:person(., @ref)"/>
    <xsl:choose>
      <xsl:when test="$person/self::tei:person">
        <a class="person" href="#person-{$person/@xml:id}"><xsl:apply-templates mode="#current"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name"><xsl:apply-templates mode="#current"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:note[tk:is-footnote(.)]" mode="html-inline">
    <xsl:variable name="n" select="tk:footnote-number(., 'diplomatic')"/>
    <xsl:choose>
      <xsl:when test="exists($n)">
        <xsl:variable name="label" select="tk:footnote-label(., 'diplomatic')"/>
        <sup class="noteref"><a href="#note-{$n}" id="noteref-{$n}" aria-label="Note {$label}">{$label}</a></sup>
        <xsl:call-template name="tk:sidenote">
          <xsl:with-param name="note" select="."/>
          <xsl:with-param name="label" select="$label"/>
        </xsl:call-template>
      </xsl:when>
      <!-- A note inside a note is not numbered: it stands in brackets where it is. -->
      <xsl:otherwise>
        <span class="inner-note"> [<xsl:apply-templates mode="#current"/>]</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lb" mode="html-inline">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
    <br/>
  </xsl:template>

  <!-- Page furniture (a stamp, a classification, a page number): kept, set apart from the text. -->
  <xsl:template match="tei:fw" mode="html-inline">
    <xsl:text> </xsl:text>
    <span class="fw" title="Page furniture ({@type})">{normalize-space(.)}</span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:pb" mode="html-inline">
    <span class="pb dip" title="Page break">{if (@n) then ' ' || tk:marks('page', @n)[1] || ' ' else ' | '}</span>
  </xsl:template>

  <!-- Highlighting: @rend and the ids of @rendition as classes (styled in style.xsl: "italic",
       "i", "sup", …), and a rendition's CSS from the header's tagsDecl as a style attribute, keeping
       only the typographic properties (tk:safe-css). -->
  <xsl:template match="tei:hi" mode="html-inline">
    <span class="hi {(tokenize(normalize-space(@rend)), tokenize(@rendition) ! substring-after(., '#')) ! replace(., '[^A-Za-z0-9-]', '')}">
      <xsl:variable name="style" select="tk:safe-css(string-join(tokenize(@rendition) ! tk:rendition(root(current()), substring-after(., '#')), ';'))"/>
      <xsl:if test="$style">
        <xsl:attribute name="style" select="$style"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- The renditions declared in the header (tagsDecl/rendition, scheme css or none), by id: looked up once per document. -->
  <xsl:key name="tk:rendition" match="tei:tagsDecl/tei:rendition[not(@scheme) or @scheme = 'css']" use="@xml:id"/>

  <xsl:function name="tk:rendition" as="xs:string?">
    <xsl:param name="document" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="key('tk:rendition', $id, $document)[1]/normalize-space(.)"/>
  </xsl:function>

  <!-- CSS declarations reduced to typography: no url(), no positioning, nothing that loads or covers. -->
  <xsl:function name="tk:safe-css" as="xs:string">
    <xsl:param name="css" as="xs:string"/>
    <xsl:variable name="allowed" select="('font-style', 'font-weight', 'font-variant', 'font-size', 'font-family', 'text-decoration', 'text-transform', 'letter-spacing', 'vertical-align', 'text-align', 'color', 'background-color')"/>
    <xsl:sequence select="string-join(
        for $declaration in tokenize($css, ';')
        return (let $property := lower-case(normalize-space(substring-before($declaration, ':'))),
                    $value := normalize-space(substring-after($declaration, ':'))
                return ($property || ': ' || $value)[$property = $allowed and matches($value, '^[A-Za-z0-9 .,%#''&quot;-]+$')]), '; ')"/>
  </xsl:function>

  <!-- MathML is shown as MathML (HTML5 renders it), without attributes that could link or run anything. -->
  <xsl:template match="*[namespace-uri() = 'http://www.w3.org/1998/Math/MathML']" mode="html-inline">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[local-name() = ('mathvariant', 'display', 'displaystyle', 'scriptlevel', 'fence', 'separator', 'stretchy', 'form', 'lspace', 'rspace', 'accent', 'accentunder', 'linethickness', 'columnalign', 'rowalign', 'columnspan', 'rowspan')][namespace-uri() = '']"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- Leiden conventions: an abbreviation's expansion in parentheses, a gap with its extent. -->
  <xsl:template match="tei:ex" mode="html-inline">
    <span class="ex">(<xsl:apply-templates mode="#current"/>)</span>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:title | tei:term | tei:mentioned" mode="html-inline">
    <i><xsl:apply-templates mode="#current"/></i>
  </xsl:template>

  <xsl:template match="tei:g[@type = 'control']" mode="html-inline">
    <span class="control" title="Control character {@n} in the source">␣</span>
  </xsl:template>
</xsl:stylesheet>
