// The fixed sample: Baton reports nothing, and the harness properties ran through the baton engine.
def log = new File(basedir, 'build.log').readLines()
def finding = ~/^\[(?:ERROR|WARNING|INFO)\] \S+:\d+:\d+: (?:error|warning|note) \[[a-z-]+\] .*$/
def findings = log.findAll { it ==~ finding }
assert findings.isEmpty() : "the fixed sample must have no finding, got:\n${findings.join('\n')}"
assert log.any { it.startsWith('[INFO] baton: 0 errors, 0 warnings, 0 notes; 0 suppressed (') }
assert log.any { it.contains('BUILD SUCCESS') }

// Surefire ran the baton engine's properties and they passed.
def reports = new File(basedir, 'target/surefire-reports')
assert reports.isDirectory() : 'surefire ran no test'
def xml = reports.listFiles().findAll { it.name.endsWith('.xml') }.collect { new groovy.xml.XmlSlurper().parse(it) }
def tests = xml.sum { it.@tests.toInteger() } ?: 0
def failures = xml.sum { it.@failures.toInteger() + it.@errors.toInteger() } ?: 0
assert tests > 0 : 'no test ran'
assert failures == 0
assert log.any { it =~ /Tests run: \d+, Failures: 0, Errors: 0/ }
// the harness campaign (baton engine) ran its properties against the boundary in front of the refund executor
assert log.any { it =~ /Tests run: [1-9]\d+, Failures: 0, Errors: 0, Skipped: \d+, .* in dev\.baton\.samples\.refunds\.DecisionInboxHandoffTest/ }
assert log.any { it =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0, Skipped: 0, .* in dev\.baton\.samples\.refunds\.RefundDeskTest/ }
return true
