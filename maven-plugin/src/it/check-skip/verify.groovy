def log = new File(basedir, 'build.log').text
assert log.contains('Baton is skipped (baton.skip).')
assert !log.contains('[untyped-handoff]')
assert !new File(basedir, 'target/baton').exists()
return true
