// Compares the findings baton:check printed with expected-findings.txt, exactly: a missing finding
// and an extra one fail alike. Then checks the summary line and that Baton is what failed the build.
def expectedLines = new File(basedir, 'expected-findings.txt').readLines()
        .collect { it.trim() }.findAll { it && !it.startsWith('#') }
def expectedSummary = expectedLines.find { it.startsWith('baton: ') }
def expectedFindings = (expectedLines - expectedSummary).sort()

def log = new File(basedir, 'build.log').readLines()
def finding = ~/^\[(?:ERROR|WARNING|INFO)\] (\S+:\d+:\d+: (?:error|warning|note) \[[a-z-]+\]) \S.*$/
def actualFindings = log.collect { line -> def m = line =~ finding; m.matches() ? m.group(1) : null }
        .findAll { it != null }.sort()

def missing = expectedFindings - actualFindings
def extra = actualFindings - expectedFindings
assert missing.isEmpty() && extra.isEmpty() :
        "findings differ from expected-findings.txt\n  missing: ${missing}\n  extra:   ${extra}"
assert expectedFindings.collect { (it =~ /\[([a-z-]+)\]/)[0][1] }.unique().size() >= 8 : 'at least 8 different rules'

assert expectedSummary != null : 'expected-findings.txt names the summary line'
assert log.any { it.startsWith('[ERROR] ' + expectedSummary + ' (') } : "summary line '${expectedSummary}' not found"
assert log.any { it.contains('BUILD FAILURE') }
assert log.any { it =~ /Failed to execute goal dev\.baton:baton-maven-plugin:[^:]+:check .*Baton found \d+ contract gaps/ }
assert new File(basedir, 'target/baton/baton.sarif').isFile()
assert new File(basedir, 'target/baton/baton.html').isFile()
return true
