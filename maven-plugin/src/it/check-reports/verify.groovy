import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def file = 'src/main/java/com/example/TriagePipeline.java'
assert log =~ /\[ERROR\] \Q${file}\E:\d+:\d+: error \[untyped-handoff\] /
assert log =~ /baton: 1 error, 0 warnings, 0 notes; 0 suppressed/
assert log.contains('BUILD SUCCESS') // failOn=none

def sarifFile = new File(basedir, 'target/baton/baton.sarif')
assert sarifFile.isFile()
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'Baton'
assert run.tool.driver.rules.any { it.id == 'untyped-handoff' }
assert run.results.size() == 1
def result = run.results[0]
assert result.ruleId == 'untyped-handoff'
def uri = result.locations[0].physicalLocation.artifactLocation.uri
assert uri == file : "SARIF URIs are relative to the project: ${uri}"
assert result.partialFingerprints

def html = new File(basedir, 'target/baton/baton.html')
assert html.isFile()
def text = html.text
assert text.contains('<svg')
assert text.contains('classifier') && text.contains('responder')
return true
