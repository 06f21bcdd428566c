import CoachKit
import Testing

/// The Porter2 stemmer against the Snowball reference implementation's output.
@Suite struct EvaluatorStemmerTests {
  /// Porter2's exceptional words, as in the bundled lexicon.
  static let stemmer = Stemmer(
    exceptions: [
      "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
      "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
      "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos",
      "bias": "bias", "andes": "andes",
    ],
    keepAfterStep1a: [
      "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ],
    regionPrefixes: ["gener", "commun", "arsen"])

  /// Word and stem pairs produced by the Snowball English stemmer (words from the coaching
  /// articles, plus the classic Porter2 examples).
  static let table: [(String, String)] = #"""
    abandoned abandon
    abstract abstract
    according accord
    acknowledge acknowledg
    acting act
    address address
    advice advic
    again again
    aims aim
    allow allow
    alternative altern
    anchors anchor
    answers answer
    anytime anytim
    append append
    are are
    argumentparser argumentpars
    arriving arriv
    asked ask
    assertdiagnostics assertdiagnost
    assess assess
    ast ast
    attribute attribut
    avoid avoid
    backtracking backtrack
    baked bake
    based base
    been been
    being be
    benchmarks benchmark
    beyond beyond
    binary binari
    blockers blocker
    blunt blunt
    bot bot
    brackets bracket
    budgets budget
    built built
    byte byte
    called call
    cap cap
    caret caret
    cases case
    cause caus
    chance chanc
    chaos chao
    checked check
    choose choos
    clarifying clarifi
    clear clear
    close close
    coachkit coachkit
    codes code
    colleague colleagu
    collectionstestsupport collectionstestsupport
    column column
    comes come
    comments comment
    communicate communic
    complete complet
    complexity complex
    concisely concis
    confirming confirm
    conscious conscious
    constructor constructor
    context context
    contrast contrast
    conversations convers
    corrupts corrupt
    courage courag
    crash crash
    creative creativ
    culture cultur
    curt curt
    danger danger
    deadline deadlin
    decision decis
    decode decod
    defending defend
    definitely definit
    demands demand
    deque dequ
    destroy destroy
    diagnostic diagnost
    dialoguestate dialoguest
    difficulty difficulti
    directiveargument directiveargu
    disagreement disagr
    disarms disarm
    discussion discuss
    dissatisfied dissatisfi
    docc docc
    documents document
    don don
    doubt doubt
    drills drill
    dsl dsl
    during dure
    edges edg
    either either
    emails email
    emotion emot
    empathy empathi
    encounter encount
    energy energi
    ensure ensur
    enum enum
    error error
    escalation escal
    evaluator evalu
    every everi
    exam exam
    executable execut
    exit exit
    expert expert
    express express
    extra extra
    failed fail
    fault fault
    feeling feel
    fight fight
    files file
    finance financ
    findingspec findingspec
    five five
    flat flat
    focuses focus
    follows follow
    forward forward
    fragments fragment
    fresh fresh
    frontend frontend
    fully fulli
    fuzz fuzz
    generator generat
    github github
    glibc glibc
    goals goal
    got got
    greater greater
    growing grow
    guides guid
    handle handl
    happens happen
    have have
    headingtests headingtest
    hedges hedg
    helping help
    hides hide
    hint hint
    home home
    hostile hostil
    humility humil
    ignore ignor
    immediately immedi
    important import
    inbox inbox
    indent indent
    inevitable inevit
    inktests inktest
    inside insid
    instead instead
    intention intent
    interface interfac
    invented invent
    iolbf iolbf
    iterative iter
    jobs job
    keep keep
    keys key
    know know
    label label
    language languag
    layer layer
    leadership leadership
    learned learn
    lessons lesson
    levels level
    library librari
    likelihood likelihood
    linesource linesourc
    linux linux
    listens listen
    livid livid
    located locat
    long long
    lose lose
    lowercase lowercas
    make make
    many mani
    markdown markdown
    matched match
    matters matter
    measured measur
    merge merg
    might might
    minute minut
    miss miss
    mixes mix
    money money
    most most
    multi multi
    named name
    necessary necessari
    neither neither
    never never
    newsletter newslett
    nobody nobodi
    nonisolated nonisol
    not not
    now now
    obstacle obstacl
    offending offend
    officer offic
    once onc
    opened open
    optional option
    ordo ordo
    out out
    oven oven
    own own
    packages packag
    pane pane
    parse pars
    parsererror parsererror
    part part
    pass pass
    paths path
    peak peak
    perceive perceiv
    person person
    pick pick
    pipe pipe
    pkgconfig pkgconfig
    plan plan
    plays play
    polar polar
    position posit
    power power
    preconcurrency preconcurr
    pressures pressur
    prints print
    process process
    program program
    prompt prompt
    providers provid
    pursue pursu
    questions question
    quotes quot
    ranges rang
    reach reach
    read read
    readme readm
    real real
    receiving receiv
    recorded record
    reference refer
    reframe refram
    refuses refus
    related relat
    release releas
    remove remov
    rendering render
    replay replay
    reporting report
    require requir
    respond respond
    restart restart
    reuse reus
    rewind rewind
    roadblock roadblock
    round round
    rules rule
    said said
    save save
    scalar scalar
    scenarioparser scenariopars
    scope scope
    script script
    search search
    seeded seed
    selye sely
    sense sens
    sequences sequenc
    sessionreport sessionreport
    several sever
    she she
    shoes shoe
    show show
    side side
    signing sign
    situation situat
    sla sla
    snapshots snapshot
    solving solv
    sort sort
    sources sourc
    speak speak
    spi spi
    splits split
    stagekind stagekind
    start start
    static static
    stdin stdin
    stems stem
    still still
    strategies strategi
    stress stress
    struct struct
    subcommands subcommand
    successful success
    suggesting suggest
    summaries summari
    supervisor supervisor
    sure sure
    swiftformat swiftformat
    symbol symbol
    table tabl
    taken taken
    talking talk
    team team
    terminal termin
    terse ters
    testhelpers testhelp
    text text
    the the
    there there
    things thing
    though though
    through through
    timed time
    together togeth
    too too
    toreport toreport
    trails trail
    transcripts transcript
    triage triag
    trying tri
    two two
    ultimatum ultimatum
    undefined undefin
    understnad understnad
    unit unit
    unlock unlock
    upcoming upcom
    urgency urgenc
    used use
    using use
    vader vader
    validationerror validationerror
    var var
    verbs verb
    viable viabl
    walk walk
    wanted want
    way way
    week week
    welcome welcom
    where where
    who who
    will will
    within within
    wonderful wonder
    working work
    wouldn wouldn
    written written
    xswiftc xswiftc
    yams yam
    yours your
    zipfoundation zipfound
    caresses caress
    ponies poni
    ties tie
    cries cri
    cats cat
    feed feed
    agreed agre
    plastered plaster
    motoring motor
    sing sing
    conflated conflat
    troubled troubl
    sized size
    hopping hop
    tanned tan
    falling fall
    hissing hiss
    fizzed fizz
    failing fail
    filing file
    happy happi
    sky sky
    skies sky
    dying die
    lying lie
    news news
    inning inning
    outing outing
    proceed proceed
    exceed exceed
    succeed succeed
    generously generous
    generate generat
    communication communic
    arsenal arsenal
    relational relat
    conditional condit
    rational ration
    digitizer digit
    vietnamization vietnam
    predication predic
    operator oper
    feudalism feudal
    decisiveness decis
    hopefulness hope
    callousness callous
    formality formal
    sensitivity sensit
    sensibility sensibl
    triplicate triplic
    formative format
    formalize formal
    electricity electr
    electrical electr
    hopeful hope
    goodness good
    revival reviv
    allowance allow
    inference infer
    airliner airlin
    gyroscopic gyroscop
    adjustable adjust
    defensible defens
    irritant irrit
    replacement replac
    adjustment adjust
    dependent depend
    adoption adopt
    homologou homologou
    communism communism
    activate activ
    angularity angular
    homologous homolog
    effective effect
    bowdlerize bowdler
    probate probat
    rate rate
    cease ceas
    controll control
    roll roll
    consolingly consol
    knackeries knackeri
    knaves knave
    knives knive
    apologised apologis
    apologies apolog
    frustratingly frustrat
    unfortunately unfortun
    understandable understand
    escalation escal
    escalated escal
    disappointed disappoint
    disappointing disappoint
    yelling yell
    youth youth
    yesterday yesterday
    saying say
    says say
    boys boy
    """#.split(separator: "\n").map {
      let parts = $0.split(separator: " ")
      return (String(parts[0]), String(parts[1]))
    }

  @Test func tableIsLarge() { #expect(Self.table.count > 300) }

  @Test(arguments: Self.table.map { [$0.0, $0.1] })
  func stems(_ pair: [String]) {
    #expect(Self.stemmer.stem(pair[0]) == pair[1], "\(pair[0])")
  }

  @Test func shortAndNonLetterWordsAreUnchanged() {
    #expect(Self.stemmer.stem("at") == "at")
    #expect(Self.stemmer.stem("4pm") == "4pm")
    #expect(Self.stemmer.stem("café") == "café")
    #expect(Self.stemmer.stem("") == "")
  }

  @Test func possessivesAndApostrophes() {
    #expect(Self.stemmer.stem("customer's") == "custom")
    #expect(Self.stemmer.stem("'tis") == "tis")
  }

  @Test func lexiconExceptionsKeepWordsApart() {
    let e = LexiconFixture.evaluator
    let manager = e.compile(["manager"])
    #expect(!e.matches(manager, in: e.assess("Let me fetch my manager.")).isEmpty)
    #expect(!e.matches(manager, in: e.assess("Our managers agreed.")).isEmpty)
    #expect(e.matches(manager, in: e.assess("I managed to find it.")).isEmpty)
    #expect(e.matches(manager, in: e.assess("We manage the account.")).isEmpty)
    let happens = e.compile(["it happens"])
    #expect(!e.matches(happens, in: e.assess("It happens.")).isEmpty)
    #expect(e.matches(happens, in: e.assess("It happened on Monday.")).isEmpty)
  }

  @Test func spellingVariantsMeetThroughTheLexicon() {
    let e = LexiconFixture.evaluator
    let set = e.compile(["apologise"])
    for reply in ["I apologize.", "Apologies!", "We apologised twice.", "I'm apologising."] {
      #expect(!e.matches(set, in: e.assess(reply)).isEmpty, "\(reply)")
    }
  }
}
