<?xml version="1.0" encoding="UTF-8"?>
<!--
  How a TEI text falls into blocks (paragraphs, turns, headings, lines) and which inline parts
  become footnotes, shared by the HTML and the plain-text editions so that both read alike.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- Elements that are one block of running text each (in any TEI project we have met). -->
  <xsl:variable name="tk:block-names" as="xs:string*" select="
      ('p', 'ab', 'head', 'l', 'item', 'stage', 'opener', 'closer', 'salute', 'signed', 'dateline',
       'docDate', 'docTitle', 'titlePart', 'byline', 'trailer', 'label', 'castItem', 'seg', 'bibl',
       'postscript', 'epigraph', 'argument', 'speaker', 'date', 'desc', 'quote', 'lg', 'line')"/>

  <!-- Containers: their children are blocks (or containers) in turn. -->
  <xsl:variable name="tk:container-names" as="xs:string*" select="
      ('text', 'front', 'body', 'back', 'group', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6',
       'div7', 'sp', 'u', 'list', 'listBibl', 'castList', 'castGroup', 'lg', 'floatingText', 'table',
       'row', 'cell', 'figure', 'listApp', 'app', 'set', 'listPerson', 'listPlace', 'listEvent',
       'sourceDoc', 'surfaceGrp', 'surface', 'zone')"/>

  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = $tk:block-names and not(tk:is-container($element))"/>
  </xsl:function>

  <!-- A container holds blocks; an <lg> of <l>s is a container, a <seg> inside <p> is not. -->
  <xsl:function name="tk:is-container" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = $tk:container-names
                          and not($element/parent::*[local-name() = $tk:block-names and not(local-name() = $tk:container-names)])"/>
  </xsl:function>

  <!-- A translator's comment on a flagged word points at it: <note target="#sic-1" n="SIC">. -->
  <xsl:key name="tk:comment-on" match="tei:note[@target]" use="tokenize(@target) ! substring-after(., '#')"/>

  <!-- The comment on a flagged word ("[SIC, plural]"), if the word has one. -->
  <xsl:function name="tk:comment-on" as="element(tei:note)?">
    <xsl:param name="sic" as="element(tei:sic)"/>
    <xsl:sequence select="$sic/@xml:id ! key('tk:comment-on', string(.), root($sic))[1]"/>
  </xsl:function>

  <!-- The bracket convention (src/conventions/brackets.ts) a translator's inline note stands for. -->
  <xsl:function name="tk:note-convention" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/@target and $note/@n) then 'sic-comment'
                          else (map { 'marginal': 'marginal-note', 'signature': 'signature', 'stamp': 'stamp' }($note/@type), 'translator-note')[1]"/>
  </xsl:function>

  <!-- A note among blocks is a block where it stands; a note inside running text is a footnote. -->
  <!-- Inside running text: in a block, or in an element that is neither a block nor a container
       (a page's <fw>, a dictionary's <sense>). -->
  <xsl:function name="tk:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/self::tei:note and not($note/@type = 'original-form') and not($note/@place = 'inline')
                          and (exists($note/ancestor::*[tk:is-block(.)]) or not($note/parent::*[tk:is-block(.) or tk:is-container(.)]))"/>
  </xsl:function>

  <!--
    What the reading view moves to the notes so that no word is lost from a clean text: the
    alternative reading of a <choice>, a deletion, and the original form the translator reports.
  -->
  <xsl:function name="tk:is-reading-note" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="exists($node/(self::tei:choice, self::tei:del, self::tei:app, self::tei:note[@type = 'original-form'], self::tei:note[@place = 'inline']))
                          and not($node/ancestor::tei:note)"/>
  </xsl:function>

  <!-- A critical apparatus entry: its lemma (or, without one, its first reading) is the text. -->
  <xsl:function name="tk:app-base" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="($app/tei:lem, $app/tei:rdg)[1]"/>
  </xsl:function>

  <!-- The other readings of an apparatus entry, each with its witnesses' sigla: "bad B; worse C D". -->
  <xsl:function name="tk:app-readings" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <!-- An empty reading is the witnesses' omission of the lemma: "om.". -->
    <xsl:sequence select="string-join(($app/tei:rdg except tk:app-base($app)) ! (let $reading := . return string-join(((tk:clean($reading)[normalize-space()], 'om.')[1], tk:sigla($reading)), ' ')), '; ')"/>
  </xsl:function>

  <xsl:key name="tk:witness" match="tei:witness[@xml:id]" use="@xml:id"/>

  <!-- The sigla of a reading's witnesses: @wit's pointers resolved through listWit (the witness's @n, else its id). -->
  <xsl:function name="tk:sigla" as="xs:string*">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="tokenize($reading/@wit) ! (let $id := substring-after(., '#') return (key('tk:witness', $id, root($reading))[1]/@n/string(), $id)[1])"/>
  </xsl:function>

  <!-- An apparatus entry as a note: "good A] bad B; worse C". -->
  <xsl:function name="tk:app-note" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="string-join((tk:clean(tk:app-base($app)), tk:app-base($app) ! tk:sigla(.)), ' ') || '] ' || tk:app-readings($app)"/>
  </xsl:function>

  <!--
    White space that a word's @join removes: after <w join="right"> (or "both"), before an element
    with join="left" (or "both"): "var dır." for <w join="right">dır</w> <pc>.</pc>.
  -->
  <xsl:function name="tk:is-joined-space" as="xs:boolean">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="not(normalize-space($text))
                          and ($text/preceding-sibling::node()[1]/@join = ('right', 'both') or $text/following-sibling::node()[1]/@join = ('left', 'both'))"/>
  </xsl:function>

  <!-- The marks around supplied text in the diplomatic view: the translator's brackets for teikit's
       own (reason "clarification"), the Leiden ⟨ ⟩ for what the scribe omitted, [ ] otherwise. -->
  <xsl:function name="tk:supplied-marks" as="xs:string+">
    <xsl:param name="supplied" as="element()"/>
    <xsl:variable name="convention" select="if ($supplied/@cert = 'low') then 'uncertain' else 'supplied'"/>
    <xsl:sequence select="if ($supplied/@reason = 'omitted') then ('⟨', '⟩') else tk:marks($convention, ())"/>
  </xsl:function>

  <!-- Who supplied it: teikit's own are the translator's; other projects' the editors'. -->
  <xsl:function name="tk:supplied-title" as="xs:string">
    <xsl:param name="supplied" as="element()"/>
    <xsl:sequence select="(if ($supplied/@reason = 'clarification' and $supplied/@resp) then 'Supplied by the translator' else 'Supplied by the editor' || $supplied/@reason ! (' (' || . || ')'))
                          || ' (doubtful)'[$supplied/@cert = 'low']"/>
  </xsl:function>

  <!-- A gap's extent: "5 characters", "about 2 lines". -->
  <xsl:function name="tk:gap-extent" as="xs:string?">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="($gap/@quantity, $gap/@extent)[1] ! (string(.) || ($gap/@unit ! (' ' || . || 's'[$gap/@quantity != '1'])))"/>
  </xsl:function>

  <!-- What stands for a gap in the text: its description, else its extent in the Leiden way
       (a dot a character: "....." for 5 characters), else "…". -->
  <xsl:function name="tk:gap-text" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="count" select="$gap/@quantity[. castable as xs:integer][xs:integer(.) = 1 to 20]/xs:integer(.)"/>
    <xsl:variable name="dots" select="if ($gap/@unit = ('character', 'chars', 'char')) then string-join((1 to $count) ! '.') else ''"/>
    <xsl:sequence select="($gap/tei:desc[normalize-space()] ! normalize-space(.), $dots[.], '…')[1]"/>
  </xsl:function>

  <!-- Verse lines by their number: a line's anchor is given to the first line of that number. -->
  <xsl:key name="tk:line" match="tei:l[@n]" use="string(@n)"/>

  <!-- A verse line's number is shown on every fifth line (its last number divisible by 5: "1.1.5", "10"). -->
  <xsl:function name="tk:shows-line-number" as="xs:boolean">
    <xsl:param name="line" as="element()"/>
    <xsl:sequence select="matches(string($line/@n), '(^|\D)\d*[05]$') and not(matches(string($line/@n), '(^|\D)0+$'))"/>
  </xsl:function>

  <!-- The markup of a TEI example as written, without the examples' namespace declaration on each element. -->
  <xsl:function name="tk:example-markup" as="xs:string">
    <xsl:param name="example" as="element()"/>
    <xsl:sequence select="replace(string-join($example/node() ! serialize(.)), ' xmlns=&quot;http://www.tei-c.org/ns/Examples&quot;', '')"/>
  </xsl:function>

  <!-- How a part of a manuscript description is headed. -->
  <xsl:function name="tk:manuscript-label" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="(map { 'msIdentifier': 'Identifier', 'head': 'Summary', 'msContents': 'Contents', 'physDesc': 'Physical description',
                                 'history': 'History', 'additional': 'Additional', 'msPart': 'Part', 'msFrag': 'Fragment', 'altIdentifier': 'Other identifier' }(local-name($part)),
                           replace(local-name($part), '([a-z])([A-Z])', '$1 $2'))[1]"/>
  </xsl:function>

  <!-- A manuscript's identifier in one line: "Oxford, Bodleian Library, MS. Laud Misc. 544". -->
  <xsl:function name="tk:manuscript-identifier" as="xs:string">
    <xsl:param name="identifier" as="element()"/>
    <xsl:sequence select="string-join($identifier/*[normalize-space()] ! normalize-space(.), ', ')"/>
  </xsl:function>

  <!-- Parts of a name that markup often writes side by side with no space: "<forename>Faris</forename><surname>al-Shidyaq</surname>". -->
  <xsl:variable name="tk:name-parts" as="xs:string*" select="('forename', 'surname', 'addName', 'roleName', 'genName', 'nameLink')"/>

  <!-- A name part followed at once by another: a space goes between them, or the two names read as one word. -->
  <xsl:function name="tk:is-name-part-before-another" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = $tk:name-parts and exists($element/following-sibling::node()[1][self::*][local-name() = $tk:name-parts])"/>
  </xsl:function>

  <!-- Quotation marks of a <q> by its depth: “…”, inside it ‘…’. -->
  <xsl:function name="tk:quote-marks" as="xs:string+">
    <xsl:param name="q" as="element()"/>
    <xsl:sequence select="if (count($q/ancestor::tei:q) mod 2 = 1) then ('‘', '’') else ('“', '”')"/>
  </xsl:function>

  <!-- The language a document's text is in: the text's own, else the document's. -->
  <xsl:function name="tk:text-language" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:text/@xml:lang, $tei/@xml:lang, 'en')[1]"/>
  </xsl:function>

  <!-- Languages and scripts written right to left (BCP 47: primary subtag, or script subtag). -->
  <xsl:function name="tk:is-right-to-left" as="xs:boolean">
    <xsl:param name="language" as="xs:string"/>
    <xsl:variable name="subtags" select="tokenize(lower-case($language), '-')"/>
    <xsl:sequence select="$subtags[1] = ('ar', 'he', 'fa', 'ur', 'yi', 'ps', 'syr', 'dv', 'ckb', 'sd', 'ug', 'arc')
                          or $subtags[position() gt 1] = ('arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'samr', 'mand')"/>
  </xsl:function>

  <!--
    Numbers of things in document order, counted once for the whole document (an accumulator
    would say the same, but SaxonJS recomputes one per call: quadratic on long texts).
  -->
  <xsl:function name="tk:numbering" as="map(xs:string, xs:integer)">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="map:merge($nodes ! map { generate-id(.): position() })"/>
  </xsl:function>

  <xsl:variable name="tk:diplomatic-notes" select="tk:numbering(//tei:text//tei:note[tk:is-footnote(.)][not(ancestor::tei:note)])"/>
  <!-- Only the elements that can be either are looked at (a function call per element of a long text costs seconds). -->
  <xsl:variable name="tk:reading-notes" select="tk:numbering(//tei:text//(tei:note | tei:choice | tei:del | tei:app)[tk:is-footnote(.) or tk:is-reading-note(.)][not(ancestor::tei:note)])"/>

  <!-- Footnote number of a node: notes count in both views, reading-notes in the reading view only;
       none for what stands inside a note (a note in a note, a <choice> in a note), which is shown where it is. -->
  <xsl:function name="tk:footnote-number" as="xs:integer?">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="(if ($view = 'reading') then $tk:reading-notes else $tk:diplomatic-notes)(generate-id($node))"/>
  </xsl:function>

  <!-- How a footnote is called where it is referred to: the source's own number (note/@n), else its number here. -->
  <xsl:function name="tk:footnote-label" as="xs:string?">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="tk:footnote-number($node, $view) ! ($node[tk:is-footnote(.)]/@n[normalize-space()]/string(), string(.))[1]"/>
  </xsl:function>
</xsl:stylesheet>
