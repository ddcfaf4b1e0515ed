<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parts of the HTML edition around the text: the record's description, how to cite it
  (with CSL-JSON and BibTeX made from the header), the view switch and its legend, the
  participants with links to their turns, and a chart of how much each one spoke.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!--
    What a citation names the edition by: its own URL where it is published (a manifest's
    baseUrl), else its file name, with the source record's page at the archive. Never a made-up address.
  -->
  <xsl:function name="tk:edition-label" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="if (exists(tk:url($tei)) or not(normalize-space($source-name))) then 'TEI edition' else 'TEI edition ' || $source-name"/>
  </xsl:function>

  <xsl:function name="tk:cited-url" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(tk:url($tei), tk:record-url($tei))[1]"/>
  </xsl:function>

  <xsl:function name="tk:citation-text" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="string-join((
        '“' || tk:title($tei) || '”',
        tk:date($tei) ! tk:date-text(.),
        tk:archive($tei),
        tk:translators($tei) ! ('Translated by ' || string-join(tk:translators($tei), ', ')),
        string-join((tk:edition-label($tei), tk:publisher($tei), tk:edition-date($tei)), ', '),
        if (exists(tk:url($tei))) then tk:url($tei) else tk:record-url($tei) ! ('Source record: ' || .))[normalize-space()] => distinct-values(), '. ') || '.'"/>
  </xsl:function>

  <!--
    CSL-JSON (an array of one item), the input of Zotero, Pandoc and citeproc. Written through
    xml-to-json, whose keys keep the order given here (a map's would not: bytes must not vary).
  -->
  <xsl:function name="tk:csl-json" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="parts" select="tokenize(tk:iso-date($tei), '-')[. castable as xs:integer] ! xs:integer(.)"/>
    <xsl:variable name="json">
      <fn:array>
        <fn:map>
          <fn:string key="id">{tk:edition-id($tei)}</fn:string>
          <fn:string key="type">manuscript</fn:string>
          <fn:string key="title">{tk:title($tei)}</fn:string>
          <xsl:if test="exists($parts)">
            <fn:map key="issued">
              <fn:array key="date-parts">
                <fn:array>
                  <xsl:for-each select="$parts"><fn:number>{.}</fn:number></xsl:for-each>
                </fn:array>
              </fn:array>
            </fn:map>
          </xsl:if>
          <xsl:if test="exists(tk:translators($tei))">
            <fn:array key="translator">
              <xsl:for-each select="tk:translators($tei)">
                <fn:map><fn:string key="literal">{.}</fn:string></fn:map>
              </xsl:for-each>
            </fn:array>
          </xsl:if>
          <xsl:for-each select="tk:repository($tei)"><fn:string key="archive">{.}</fn:string></xsl:for-each>
          <xsl:for-each select="tk:archive($tei)"><fn:string key="archive_location">{.}</fn:string></xsl:for-each>
          <xsl:for-each select="tk:publisher($tei)"><fn:string key="publisher">{.}</fn:string></xsl:for-each>
          <xsl:for-each select="tk:cited-url($tei)"><fn:string key="URL">{.}</fn:string></xsl:for-each>
          <fn:string key="note">{string-join((tk:edition-label($tei), tk:edition-date($tei)), ', ')}</fn:string>
        </fn:map>
      </fn:array>
    </xsl:variable>
    <xsl:sequence select="xml-to-json($json, map { 'indent': true() })"/>
  </xsl:function>

  <xsl:function name="tk:bibtex-escape" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="replace(replace($value, '([{}\\])', '\\$1'), '([&amp;%$#_])', '\\$1')"/>
  </xsl:function>

  <xsl:function name="tk:bibtex" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="fields" select="(
        ('title', tk:title($tei)),
        tk:iso-date($tei) ! ('date', .),
        if (exists(tk:translators($tei))) then ('translator', string-join(tk:translators($tei), ' and ')) else (),
        tk:archive($tei) ! ('howpublished', .),
        tk:publisher($tei) ! ('publisher', .),
        tk:cited-url($tei) ! ('url', .),
        ('note', string-join((tk:edition-label($tei), tk:edition-date($tei)), ', ')))"/>
    <xsl:variable name="lines" select="for $i in 1 to count($fields) idiv 2 return '  ' || $fields[2 * $i - 1] || ' = {' || tk:bibtex-escape($fields[2 * $i]) || '}'"/>
    <xsl:sequence select="'@misc{' || replace(tk:edition-id($tei), '[^A-Za-z0-9_:-]', '') || ',&#10;' || string-join($lines, ',&#10;') || '&#10;}&#10;'"/>
  </xsl:function>

  <!--
    A section of the apparatus beside the text: folded (<details>), so that on a narrow screen,
    where it follows the text, it takes one line until opened, and no script is needed.
  -->
  <xsl:template name="tk:panel">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="open" as="xs:boolean" select="false()"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:if test="exists($content)">
      <details id="{$id}" class="panel">
        <xsl:if test="$open"><xsl:attribute name="open" select="'open'"/></xsl:if>
        <summary><h2 id="{$id}-heading">{$heading}</h2></summary>
        <xsl:sequence select="$content"/>
      </details>
    </xsl:if>
  </xsl:template>

  <!-- Under the title: the date and the source, and the way to the rest (one line). -->
  <xsl:template name="tk:record-line">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="parts" as="element()*">
      <xsl:for-each select="tk:date($tei)">
        <span class="record-date"><xsl:choose><xsl:when test="@when"><time datetime="{@when}">{tk:date-text(.)}</time></xsl:when><xsl:otherwise>{tk:date-text(.)}</xsl:otherwise></xsl:choose></span>
      </xsl:for-each>
      <xsl:for-each select="(tk:archive($tei), tk:repository($tei))[1]">
        <span class="record-source">{.}</span>
      </xsl:for-each>
    </xsl:variable>
    <p class="record-line">
      <xsl:for-each select="$parts">
        <xsl:sequence select="."/>
        <xsl:if test="position() != last()"><span class="separator" aria-hidden="true"> · </span></xsl:if>
      </xsl:for-each>
      <a class="about-link" href="#about">About this edition</a>
    </p>
  </xsl:template>

  <xsl:template name="tk:record-description">
    <xsl:param name="tei" as="element()"/>
    <dl class="record">
      <xsl:for-each select="tk:date($tei)">
        <dt>Date</dt>
        <dd><xsl:if test="@when"><time datetime="{@when}">{tk:date-text(.)}</time></xsl:if><xsl:if test="not(@when)">{tk:date-text(.)}</xsl:if></dd>
      </xsl:for-each>
      <xsl:for-each select="tk:archival-signature($tei)">
        <dt>Archive</dt>
        <dd>{.}</dd>
      </xsl:for-each>
      <!-- A FRUS document's file number is the source's own reference, not an archive. -->
      <xsl:for-each select="tk:source-note($tei)[empty(tk:archival-signature($tei))]">
        <dt>Source</dt>
        <dd>{.}</dd>
      </xsl:for-each>
      <xsl:for-each select="tk:record-url($tei)">
        <dt>Source record</dt>
        <dd><a href="{.}">{.}</a></dd>
      </xsl:for-each>
      <xsl:if test="exists(tk:translators($tei))">
        <dt>Translated by</dt>
        <dd>{string-join(tk:translators($tei), ', ')}</dd>
      </xsl:if>
      <xsl:if test="exists((tk:publisher($tei), tk:edition-date($tei)))">
        <dt>Edition</dt>
        <dd>{string-join((tk:publisher($tei), tk:edition-date($tei)), ', ')}</dd>
      </xsl:if>
      <xsl:for-each select="tk:url($tei)">
        <dt>URL</dt>
        <dd><a href="{.}">{.}</a></dd>
      </xsl:for-each>
      <xsl:if test="exists(tk:rights($tei))">
        <dt>Rights</dt>
        <xsl:for-each select="tk:rights($tei)">
          <dd>{.}</dd>
        </xsl:for-each>
      </xsl:if>
    </dl>
  </xsl:template>

  <xsl:template name="tk:how-to-cite">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="id" select="replace(tk:edition-id($tei), '[^A-Za-z0-9._-]', '')"/>
    <p class="citation">{tk:citation-text($tei)}</p>
    <xsl:variable name="first" select="($tei/tei:text/tei:body//(tei:p | tei:ab)[@xml:id])[1]"/>
    <xsl:choose>
      <xsl:when test="exists(tk:url($tei)) and $first">
        <p>A paragraph: add its number and link, e.g. “¶&#160;{tk:block-number($first)}, {tk:url($tei)}#{$first/@xml:id}” (every paragraph carries its ¶ link).</p>
      </xsl:when>
      <xsl:when test="normalize-space($source-name) and $first">
        <p>A paragraph: add its number, e.g. “¶&#160;{tk:block-number($first)} of {$source-name}” (every paragraph carries its ¶ number and link).</p>
      </xsl:when>
      <xsl:otherwise>
        <p>A paragraph: add its number, e.g. “¶&#160;1” (every paragraph carries its ¶ number and link).</p>
      </xsl:otherwise>
    </xsl:choose>
    <ul class="downloads">
      <li><a download="{$id}.csl.json" href="data:application/vnd.citationstyles.csl+json;charset=utf-8,{encode-for-uri(tk:csl-json($tei))}">Download CSL-JSON</a> (Zotero, Pandoc)</li>
      <li><a download="{$id}.bib" href="data:application/x-bibtex;charset=utf-8,{encode-for-uri(tk:bibtex($tei))}">Download BibTeX</a></li>
    </ul>
  </xsl:template>

  <!-- Above the text: which view it is shown in (CSS only: the radio buttons decide). -->
  <xsl:template name="tk:view-switch">
    <div id="views" class="views">
      <fieldset class="view-switch">
        <legend>Show the text as</legend>
        <input type="radio" name="view" id="view-reading" value="reading">
          <xsl:if test="$view != 'diplomatic'"><xsl:attribute name="checked" select="'checked'"/></xsl:if>
        </input>
        <label for="view-reading">Reading</label>
        <input type="radio" name="view" id="view-diplomatic" value="diplomatic">
          <xsl:if test="$view = 'diplomatic'"><xsl:attribute name="checked" select="'checked'"/></xsl:if>
        </input>
        <label for="view-diplomatic">Diplomatic (every intervention marked as in the source)</label>
      </fieldset>
    </div>
  </xsl:template>

  <!-- A key to the conventions the text uses, and only those (other projects' TEI has no translator). -->
  <xsl:template name="tk:legend">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="text" select="$tei//tei:text"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:for-each select="($text//tei:supplied)[1]">
        <dt><span class="supplied"><span class="dip">{tk:supplied-marks(.)[1]}</span>word<span class="dip">{tk:supplied-marks(.)[2]}</span></span></dt>
        <dd>{tk:supplied-title(.)}; shown in brackets in the diplomatic view.</dd>
      </xsl:for-each>
      <xsl:if test="exists($text//tei:add[@hand and not(@place)])">
        <dt><ins class="add"><span class="dip">[inserted by hand: </span>word<span class="dip">]</span></ins></dt>
        <dd>Inserted by hand in the original (a handwritten addition).</dd>
      </xsl:if>
      <xsl:if test="exists($text//tei:sic)">
        <dt><span class="sic">word</span><span class="dip flag"> [SIC]</span></dt>
        <dd>Reproduced as found in the original [SIC].</dd>
      </xsl:if>
      <xsl:if test="exists($text//tei:del)">
        <dt><del class="dip">word</del><span class="rdg">(hidden)</span></dt>
        <dd>Deleted in the original: shown struck through in the diplomatic view only.</dd>
      </xsl:if>
      <xsl:if test="exists($text//tei:gap)">
        <dt><span class="gap">[…]</span></dt>
        <dd>Text missing or illegible in the original.</dd>
      </xsl:if>
      <xsl:if test="exists($text//tei:note[@place = 'inline'])">
        <dt><span class="inline-note">[handwritten …]</span></dt>
        <dd>The translator's notes in the text: marginalia, stamps, signatures, comments.</dd>
      </xsl:if>
      <xsl:if test="exists($text//tei:app)">
        <dt><span class="app">lemma</span><span class="dip rdg-app"> [reading A]</span></dt>
        <dd>The edition's text, with the witnesses' other readings (and their sigla) in the diplomatic view.</dd>
      </xsl:if>
      <xsl:if test="exists($text//(tei:persName, tei:rs, tei:name)[@ref])">
        <dt><a class="person" href="#participants">Name</a></dt>
        <dd>A person of the record: the link leads to the person's entry among the participants.</dd>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="exists($entries)">
      <dl class="legend"><xsl:sequence select="$entries"/></dl>
    </xsl:if>
  </xsl:template>

  <!-- For a long record: its divisions (those with a head), else its turns, as links. -->
  <xsl:template name="tk:contents">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="body" select="$tei/tei:text/tei:body"/>
    <xsl:variable name="divisions" select="$body//*[tk:is-division(.)][tei:head]"/>
    <xsl:variable name="turns" select="tk:turns($tei)"/>
    <xsl:if test="count($body//(tei:p | tei:ab | tei:sp | tei:u | tei:l)) ge $tk:long-record and (exists($divisions) or count($turns) ge 2)">
      <ol class="contents">
        <xsl:choose>
          <xsl:when test="exists($divisions)">
            <xsl:for-each select="$divisions">
              <li class="level-{count(ancestor::*[tk:is-division(.)][tei:head]) + 1}"><a href="#{tk:anchor(.)}">{tk:clean(tei:head[1])}</a></li>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$turns">
              <li><a href="#{tk:anchor(.)}"><span class="turn-number">{tk:block-number(.)}</span>{' '}{tk:speaker-name(.)}</a></li>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </ol>
    </xsl:if>
  </xsl:template>

  <!-- A person's names in the text (persName, rs, name pointing at them), by the person's id. -->
  <xsl:key name="tk:mention" match="tei:text//(tei:persName | tei:rs | tei:name)[@ref]" use="tokenize(@ref) ! replace(., '^#', '')"/>

  <!-- A person's turns, by each pointer of their @who (found once, not by a filter per person). -->
  <xsl:key name="tk:turn-of" match="tei:sp | tei:u" use="tokenize(@who)"/>

  <!-- Persons of the document in their groups; persons only mentioned come last. -->
  <xsl:template name="tk:participants">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="turns" select="tk:turns($tei)"/>
    <xsl:variable name="groups" select="$tei//tei:listPerson[tei:person]"/>
    <xsl:if test="exists($groups) or exists($turns[@who])">
        <xsl:for-each select="$groups">
          <xsl:variable name="label" select="(tei:head ! tk:clean(.), if (@type = 'mentioned') then 'Mentioned in the text' else if (@type = 'unlisted-speakers') then 'Also speaking (not in the attendance list)' else 'Persons')[1]"/>
          <h3 class="group{if (@type = 'mentioned') then ' mentioned' else ''}">{$label}</h3>
          <ul class="persons">
            <xsl:for-each select="tei:person">
              <xsl:variable name="id" select="string(@xml:id)"/>
              <xsl:variable name="own" select="key('tk:turn-of', '#' || $id, root($tei)) intersect $turns"/>
              <!-- Where the person speaks and where they are named: the ways back into the text. -->
              <xsl:variable name="mentioned" select="(for $name in key('tk:mention', $id) return $name/ancestor::*[self::tei:p or self::tei:ab or self::tei:seg[parent::tei:u]][1][ancestor::tei:body])/."/>
              <li id="person-{$id}">
                <span class="person-name">{(tei:persName, tei:name, tei:*)[1] ! tk:clean(.)}</span>
                <xsl:for-each select="(tei:occupation, tei:roleName, tei:affiliation, @role)[normalize-space()][1]">
                  <span class="role">, {tk:clean(.)}</span>
                </xsl:for-each>
                <xsl:for-each select="tei:persName[@type = 'variant']">
                  <span class="variant"> (also written {tk:clean(.)})</span>
                </xsl:for-each>
                <xsl:choose>
                  <xsl:when test="exists($own)">
                    <span class="person-links"> Turns: <xsl:for-each select="$own">
                      <a href="#{tk:anchor(.)}">{tk:block-number(.)}</a>
                      <xsl:if test="position() != last()">, </xsl:if>
                    </xsl:for-each></span>
                  </xsl:when>
                  <xsl:when test="../@type = 'mentioned' or not(exists($turns))"/>
                  <xsl:otherwise><span class="person-links"> No turns.</span></xsl:otherwise>
                </xsl:choose>
                <xsl:if test="exists($mentioned)">
                  <span class="person-links"> Named in: <xsl:for-each select="$mentioned">
                    <a href="#{tk:anchor(.)}">¶&#160;{tk:block-number(.)}</a>
                    <xsl:if test="position() != last()">, </xsl:if>
                  </xsl:for-each></span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:for-each>
        <!-- Speakers whose persons live in another file (ParlaMint's corpus root): named from the
             persons file given to render (param $persons), else by their ids. -->
        <xsl:variable name="elsewhere" select="distinct-values($turns/@who ! tokenize(.)[empty(key('tk:id', replace(., '^#', ''), root($tei)))])"/>
        <xsl:if test="exists($elsewhere)">
          <h3 class="group">Speakers (described outside this file)</h3>
          <ul class="persons">
            <xsl:for-each select="$elsewhere">
              <xsl:variable name="who" select="."/>
              <li>{tk:name-of($tei, $who)} — turns:
                <xsl:for-each select="$turns[tokenize(@who) = $who]">
                  <a href="#{tk:anchor(.)}">{tk:block-number(.)}</a>
                  <xsl:if test="position() != last()">, </xsl:if>
                </xsl:for-each>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Words spoken per speaker, as horizontal bars (inline SVG: nothing to load). -->
  <xsl:template name="tk:speaking-chart">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="turns" select="tk:turns($tei)[@who]"/>
    <xsl:variable name="speakers" as="map(*)*">
      <xsl:for-each-group select="$turns" group-by="tokenize(@who)[1]">
        <xsl:sequence select="map { 'name': tk:name-of($tei, current-grouping-key()), 'words': sum(current-group() ! tk:word-count(.)), 'turns': count(current-group()) }"/>
      </xsl:for-each-group>
    </xsl:variable>
    <!-- Most words first; ties by name, so that the order never depends on the input order. -->
    <xsl:variable name="rows" as="map(*)*">
      <xsl:perform-sort select="$speakers">
        <xsl:sort select="?words" data-type="number" order="descending"/>
        <xsl:sort select="?name"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:if test="exists($rows)">
      <xsl:variable name="most" select="max($rows ! ?words)"/>
      <xsl:variable name="height" select="24 * count($rows) + 8"/>
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="chart-title chart-desc"
             viewBox="0 0 640 {$height}" width="640" height="{$height}">
          <title id="chart-title">Words spoken per participant</title>
          <desc id="chart-desc">{string-join($rows ! (?name || ': ' || ?words || ' words in ' || ?turns || (if (?turns = 1) then ' turn' else ' turns')), '; ')}.</desc>
          <xsl:for-each select="$rows">
            <xsl:variable name="y" select="24 * (position() - 1) + 4"/>
            <xsl:variable name="width" select="if ($most gt 0) then round(340 * ?words div $most) else 0"/>
            <text x="196" y="{$y + 14}" text-anchor="end" class="chart-label">{?name}</text>
            <rect x="204" y="{$y + 2}" width="{$width}" height="16" class="chart-bar"/>
            <text x="{204 + $width + 6}" y="{$y + 14}" class="chart-value">{?words}</text>
          </xsl:for-each>
        </svg>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tk:notes">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="notes" select="$tei//tei:text//tei:note[tk:is-footnote(.)][not(ancestor::tei:note)]"/>
    <xsl:if test="exists($notes)">
      <section id="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol class="notes">
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="tk:footnote-number(., 'diplomatic')"/>
            <xsl:variable name="label" select="tk:footnote-label(., 'diplomatic')"/>
            <li id="note-{$n}"><span class="note-label">{$label}</span><xsl:text> </xsl:text><xsl:apply-templates mode="html-inline"/><xsl:text> </xsl:text><a href="#noteref-{$n}" aria-label="Back to the text of note {$label}">↩</a></li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
