import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def count = { String s -> log.split(java.util.regex.Pattern.quote(s), -1).length - 1 }

// The cross-module gap: the classifier (module agents) reads 'message', the workflow that runs it
// (module app) hands it 'text'. Only the aggregate run sees both, and reports it once, with the path
// relative to the root, where Maven was started.
def crossModule = "[ERROR] agents/src/main/java/com/example/agents/RequestClassifier.java:14:21: error [handoff-unwired] 'RequestClassifier' reads key 'message'"
assert count(crossModule) == 1 : "the cross-module finding, once, from aggregate-check:\n${log}"

// The module run of app cannot see the classifier's outputKey, so it reports 'category' as never
// written; the aggregate run, which sees the classifier, does not. Its path is relative to the root too.
def moduleOnly = "[ERROR] app/src/main/java/com/example/app/Desk.java:22:28: error [handoff-unwired] 'desk' reads key 'category'"
assert count(moduleOnly) == 1 : "the module-only finding, once, from app's check"

// Inherited by both modules, the aggregate goal runs only at the root.
assert count('Baton aggregate-check runs once, at the reactor root') == 2
// The root itself has no agent code: its own check says so rather than '0 errors'.
assert log.contains('[INFO] baton: nothing was checked: no agent code recognised and no JSON Schema file found; check the source roots and includes (0 Java files analysed, 0 schemas, ')

def slurp = { String path -> def f = new File(basedir, path); assert f.isFile() : path; new JsonSlurper().parse(f) }
def aggregate = slurp('target/baton-aggregate/baton.sarif').runs[0]
assert new File(basedir, 'target/baton-aggregate/baton.html').isFile()
assert aggregate.automationDetails.id == 'baton/aggregate-root/aggregate/'
assert aggregate.results*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri ==
        ['agents/src/main/java/com/example/agents/RequestClassifier.java']
def rule = aggregate.tool.driver.rules.find { it.id == 'handoff-unwired' }
assert rule.helpUri.endsWith('/docs/rules/handoff-unwired.md')

// Each module's SARIF: its own category, URIs relative to the root (where code scanning resolves them).
def app = slurp('app/target/baton/baton.sarif').runs[0]
assert app.automationDetails.id == 'baton/app/'
assert app.results[0].locations[0].physicalLocation.artifactLocation.uri == 'app/src/main/java/com/example/app/Desk.java'
assert app.originalUriBaseIds['%SRCROOT%'].uri == basedir.toPath().toAbsolutePath().normalize().toUri().toString()
def agents = slurp('agents/target/baton/baton.sarif').runs[0]
assert agents.automationDetails.id == 'baton/agents/'
assert agents.results.isEmpty()
return true
