def log = new File(basedir, 'build.log').text
assert log.contains("Invalid Baton configuration: Unknown rule id [no-such-rule] in parameter 'disabledRules'") : 'config error must name the id and the parameter'
assert log.contains('untyped-handoff') // the known ids are listed
assert !(log =~ /: error \[untyped-handoff\]/) // nothing was linted
return true
