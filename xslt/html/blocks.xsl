<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode html-blocks: the text as HTML blocks. Paragraphs carry their citation (¶ number and an
  anchor), turns are sections with the speaker as a numbered heading, narrative paragraphs are
  set apart from speech; containers become sections; anything unknown falls back to its text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="html-blocks" on-no-match="fail"/>

  <!-- Anchor of a block: its xml:id, else a stable generated one (kind + position). -->
  <xsl:function name="tk:anchor" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <!-- An if-chain, not a sequence's first item: nothing after the answer is computed (it is called for every block). -->
    <xsl:sequence select="if ($element/@xml:id) then string($element/@xml:id)
        else if (tk:is-turn($element)) then 'turn-' || tk:block-number($element)
        else if (tk:is-citable($element)) then 'para-' || tk:block-number($element)
        else if (tk:is-division($element)) then 'div-' || $tk:division-numbers(generate-id($element))
        else if ($element/ancestor::tei:teiHeader) then 'header-' || $tk:header-block-numbers(generate-id($element))
        else 'block-' || $tk:text-block-numbers(generate-id($element))"/>
  </xsl:function>

  <xsl:function name="tk:is-turn" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/(self::tei:sp, self::tei:u))"/>
  </xsl:function>

  <!-- ¶ / turn number: @n where the edition has it, else its position in the text. -->
  <xsl:variable name="tk:paragraph-numbers" select="tk:numbering(//tei:body//(tei:p | tei:ab | tei:u/tei:seg))"/>
  <xsl:variable name="tk:turn-numbers" select="tk:numbering(//tei:text//(tei:sp | tei:u))"/>
  <!-- Paragraphs outside the body (front, back) get anchors but no ¶ number. -->
  <xsl:variable name="tk:text-block-numbers" select="tk:numbering(//tei:text//(tei:p | tei:ab | tei:u/tei:seg)[not(ancestor::tei:body)])"/>
  <!-- and those of the header shown on the page (a manuscript description) anchors of their own. -->
  <xsl:variable name="tk:header-block-numbers" select="tk:numbering(//tei:teiHeader//(tei:p | tei:ab))"/>

  <xsl:variable name="tk:division-numbers" select="tk:numbering(//tei:text//(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:floatingText))"/>

  <!-- A record this long (paragraphs, turns, lines of its body) gets a table of contents. -->
  <xsl:variable name="tk:long-record" as="xs:integer" select="12"/>

  <!--
    Each turn's previous and next turn of the same speaker (its first @who), by the turn's
    generated id: [previous, next], either member empty at the ends.
  -->
  <xsl:variable name="tk:same-speaker" as="map(xs:string, array(element()?))">
    <xsl:map>
      <xsl:for-each-group select="//tei:text//(tei:sp | tei:u)[@who]" group-by="tokenize(@who)[1]">
        <xsl:variable name="turns" select="current-group()"/>
        <xsl:for-each select="$turns">
          <xsl:variable name="at" select="position()"/>
          <xsl:map-entry key="generate-id(.)" select="[$turns[$at - 1], $turns[$at + 1]]"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- A turn's speaker as a reader knows them: the label in the source, else the person's name. -->
  <xsl:function name="tk:speaker-name" as="xs:string">
    <xsl:param name="turn" as="element()"/>
    <xsl:variable name="label" select="string(($turn/tei:speaker ! replace(tk:clean(.), '[\s.:]+$', ''))[normalize-space()][1])"/>
    <xsl:sequence select="if ($label) then $label else ($turn/@who ! tk:name-of($turn, .), 'unidentified speaker')[normalize-space()][1]"/>
  </xsl:function>

  <xsl:function name="tk:block-number" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <!-- An if-chain: the numbering maps are built only for documents whose blocks carry no number (teikit's all do). -->
    <xsl:sequence select="if ($element/@n[matches(., '^\d+$')]) then string($element/@n)
        else string((if (tk:is-turn($element)) then $tk:turn-numbers else $tk:paragraph-numbers)(generate-id($element)))"/>
  </xsl:function>

  <xsl:function name="tk:is-citable" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/(self::tei:p, self::tei:ab, self::tei:seg[parent::tei:u])[ancestor::tei:body])"/>
  </xsl:function>

  <!--
    h1 is the title and h2 the page's sections, so the text's headings start at h3: a division's
    head one level below its enclosing division's, a turn's speaker one level below both (only
    divisions that have a head count: no level is skipped).
  -->
  <xsl:function name="tk:heading-level" as="xs:integer">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="divisions" select="count($element/ancestor-or-self::*[tk:is-division(.)][tei:head][ancestor::tei:body])"/>
    <xsl:sequence select="min((6, if (tk:is-turn($element)) then 3 + $divisions else 2 + max((1, $divisions))))"/>
  </xsl:function>

  <xsl:function name="tk:is-division" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = ('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'floatingText')"/>
  </xsl:function>

  <xsl:template match="text()" mode="html-blocks">
    <xsl:if test="normalize-space()">
      <p class="block">{normalize-space(.)}</p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction() | tei:g[@type = 'control']" mode="html-blocks"/>

  <xsl:template match="*" mode="html-blocks">
    <xsl:choose>
      <xsl:when test="tk:is-container(.) or (not(tk:is-block(.)) and exists(.//*[tk:is-block(.)]))">
        <div class="{local-name()}"><xsl:apply-templates mode="#current"/></div>
      </xsl:when>
      <xsl:otherwise>
        <p class="block {local-name()}"><xsl:apply-templates mode="html-inline"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:floatingText" mode="html-blocks">
    <section id="{tk:anchor(.)}" class="div{@type ! (' ' || replace(., '[^A-Za-z0-9-]', ''))}">
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head" mode="html-blocks">
    <xsl:element name="h{tk:heading-level(.)}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="'head'"/>
      <xsl:apply-templates mode="html-inline"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:u/tei:seg" mode="html-blocks">
    <xsl:variable name="anchor" select="tk:anchor(.)"/>
    <xsl:variable name="n" select="tk:block-number(.)"/>
    <p id="{$anchor}" class="para {if (ancestor::tei:sp or ancestor::tei:u) then 'speech' else 'narrative'}{if (contains(@rend, 'right')) then ' right' else if (contains(@rend, 'center')) then ' center' else ''}">
      <xsl:if test="tk:is-citable(.)">
        <a class="pilcrow" href="#{$anchor}" title="Link to paragraph {$n}">¶&#160;{$n}</a>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="html-inline"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:sp | tei:u" mode="html-blocks">
    <xsl:variable name="anchor" select="tk:anchor(.)"/>
    <xsl:variable name="person" select="tk:person(., @who)"/>
    <section id="{$anchor}" class="turn" aria-labelledby="{$anchor}-label">
      <xsl:element name="h{tk:heading-level(.)}" namespace="http://www.w3.org/1999/xhtml">
        <xsl:attribute name="class" select="'speaker'"/>
        <xsl:attribute name="id" select="$anchor || '-label'"/>
        <span class="turn-number">Turn {tk:block-number(.)}</span>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="tei:speaker">
            <xsl:apply-templates select="tei:speaker/node()" mode="html-inline"/>
          </xsl:when>
          <xsl:when test="@who">
            <span class="editorial" title="No label in the source: the speaker is identified by the edition">[{tk:name-of(., @who)}]</span>
          </xsl:when>
          <xsl:otherwise>[unidentified speaker]</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$person/self::tei:person">
          <xsl:text> </xsl:text>
          <a class="who" href="#person-{$person/@xml:id}" title="About {tk:name-of(., @who)}">↗</a>
        </xsl:if>
        <xsl:variable name="neighbours" select="$tk:same-speaker(generate-id(.))"/>
        <xsl:if test="exists($neighbours) and exists(($neighbours?1, $neighbours?2))">
          <!-- The same speaker's turns: named once, from this one. -->
          <xsl:variable name="name" select="tk:speaker-name(.)"/>
          <span class="turn-nav">
            <xsl:for-each select="$neighbours?1">
              <a href="#{tk:anchor(.)}" rel="prev"><span class="visually-hidden">Previous turn of {$name}: turn </span><span aria-hidden="true">← </span>{tk:block-number(.)}</a>
            </xsl:for-each>
            <xsl:for-each select="$neighbours?2">
              <a href="#{tk:anchor(.)}" rel="next"><span class="visually-hidden">Next turn of {$name}: turn </span>{tk:block-number(.)}<span aria-hidden="true"> →</span></a>
            </xsl:for-each>
          </span>
        </xsl:if>
      </xsl:element>
      <xsl:apply-templates select="node() except tei:speaker" mode="#current"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:note[tk:is-footnote(.)]" mode="html-blocks"/>

  <xsl:template match="tei:note" mode="html-blocks">
    <p class="note-block{@type ! (' ' || replace(., '[^A-Za-z0-9-]', ''))}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:apply-templates mode="html-inline"/>
      <xsl:if test="@xml:id and exists(key('tk:note-reference', string(@xml:id)))">
        <xsl:text> </xsl:text>
        <a href="#ref-{@xml:id}" aria-label="Back to the text of note {(@n, @xml:id)[1]}">↩</a>
      </xsl:if>
    </p>
  </xsl:template>

  <xsl:template match="tei:stage" mode="html-blocks">
    <p class="stage"><i><xsl:apply-templates mode="html-inline"/></i></p>
  </xsl:template>

  <xsl:template match="tei:list" mode="html-blocks">
    <xsl:apply-templates select="tei:head" mode="#current"/>
    <ul class="list">
      <xsl:for-each select="tei:item">
        <li>
          <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
            <span class="label"><xsl:apply-templates mode="html-inline"/></span>
            <xsl:text> </xsl:text>
          </xsl:for-each>
          <xsl:apply-templates mode="html-inline"/>
        </li>
      </xsl:for-each>
    </ul>
    <xsl:apply-templates select="* except (tei:head, tei:item, tei:label[following-sibling::*[1][self::tei:item]])" mode="#current"/>
  </xsl:template>

  <!-- A table as a table: rows, cells (th for a label role), spans from @cols/@rows, its head as the caption. -->
  <xsl:template match="tei:table" mode="html-blocks">
    <table class="table">
      <xsl:for-each select="tei:head[1]">
        <caption><xsl:apply-templates mode="html-inline"/></caption>
      </xsl:for-each>
      <xsl:for-each select="tei:row">
        <tr>
          <xsl:for-each select="tei:cell">
            <xsl:element name="{if ((@role, ../@role)[1] = 'label') then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
              <xsl:if test="@cols[. castable as xs:integer][xs:integer(.) gt 1]"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
              <xsl:if test="@rows[. castable as xs:integer][xs:integer(.) gt 1]"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
              <xsl:choose>
                <xsl:when test="exists(*[tk:is-block(.) or tk:is-container(.)])"><xsl:apply-templates mode="html-blocks"/></xsl:when>
                <xsl:otherwise><xsl:apply-templates mode="html-inline"/></xsl:otherwise>
              </xsl:choose>
            </xsl:element>
          </xsl:for-each>
        </tr>
      </xsl:for-each>
    </table>
    <!-- Anything else a table holds (a second head, notes, figures) follows it, so nothing is lost. -->
    <xsl:apply-templates select="* except (tei:head[1], tei:row)" mode="#current"/>
  </xsl:template>

  <!-- A TEI example (egXML) is markup to show, not text: as code. -->
  <xsl:template match="*[local-name() = 'egXML'][namespace-uri() = 'http://www.tei-c.org/ns/Examples']" mode="html-blocks">
    <pre class="egXML"><code>{tk:example-markup(.)}</code></pre>
  </xsl:template>

  <!-- A cast list as a list: each role with its description, groups nested under their head. -->
  <xsl:template match="tei:castList" mode="html-blocks">
    <section class="cast">
      <xsl:apply-templates select="tei:head" mode="#current"/>
      <ul class="cast">
        <xsl:apply-templates select="tei:castItem | tei:castGroup" mode="html-cast"/>
      </ul>
      <xsl:apply-templates select="* except (tei:head, tei:castItem, tei:castGroup)" mode="#current"/>
    </section>
  </xsl:template>

  <xsl:mode name="html-cast" on-no-match="fail"/>

  <xsl:template match="tei:castItem" mode="html-cast">
    <li class="cast-item"><xsl:apply-templates mode="html-inline"/></li>
  </xsl:template>

  <xsl:template match="tei:castGroup" mode="html-cast">
    <li class="cast-group">
      <xsl:for-each select="tei:head"><span class="cast-group-head"><xsl:apply-templates mode="html-inline"/></span></xsl:for-each>
      <ul class="cast">
        <xsl:apply-templates select="tei:castItem | tei:castGroup" mode="html-cast"/>
      </ul>
      <!-- A group's shared description ("brothers"), after its members. -->
      <xsl:for-each select="* except (tei:head, tei:castItem, tei:castGroup)">
        <span class="cast-group-desc"><xsl:apply-templates mode="html-inline"/></span>
      </xsl:for-each>
    </li>
  </xsl:template>

  <xsl:template match="tei:lg" mode="html-blocks">
    <div class="lg"><xsl:apply-templates mode="#current"/></div>
  </xsl:template>

  <!-- A verse line: anchored by its number (l-1.1.5), the number shown on every fifth line. -->
  <xsl:template match="tei:l" mode="html-blocks">
    <!-- A line shared between speakers (@part: initial, medial, final) is indented as it continues. -->
    <p class="line{@part[. = ('I', 'M', 'F')] ! (' part-' || .)}">
      <xsl:if test="@n and key('tk:line', string(@n))[1] is .">
        <xsl:attribute name="id" select="'l-' || replace(@n, '[^\p{L}\p{N}._-]', '_')"/>
      </xsl:if>
      <xsl:apply-templates mode="html-inline"/>
      <xsl:if test="tk:shows-line-number(.)">
        <span class="line-number" aria-hidden="true">{@n}</span>
      </xsl:if>
    </p>
  </xsl:template>
</xsl:stylesheet>
