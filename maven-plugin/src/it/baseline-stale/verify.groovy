import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Baton baseline baton-baseline.json: 2 entries (2 added, 0 stale removed)')
assert log =~ /\[WARNING\] 1 baseline entry matches no finding any more \(fixed\): run 'mvn baton:baseline' to drop them from baton-baseline.json/
assert log =~ /baton: 0 errors, 0 warnings, 0 notes; 0 suppressed, 1 baselined, 1 stale baseline entry/
assert log =~ /Dropping stale baseline entry \w+ \[untyped-handoff\] src\/main\/java\/com\/example\/OtherPipeline.java/
assert log.contains('Baton baseline baton-baseline.json: 1 entry (0 added, 1 stale removed)')
assert log.contains('Refusing to grow the Baton baseline baton-baseline.json in CI (CI=true): 1 finding(s) would be accepted without review')
def baseline = new JsonSlurper().parse(new File(basedir, 'baton-baseline.json'))
assert baseline.entries*.file == ['src/main/java/com/example/TriagePipeline.java'] : 'the refused run left the baseline as it was'
return true
