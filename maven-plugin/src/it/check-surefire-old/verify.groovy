def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] check-surefire-old has baton-harness on its test classpath, but its maven-surefire-plugin is 2.12.4')
assert log.contains("the build passes with 'Tests run: 0'")
return true
