def lines = new File(basedir, 'build.log').readLines()
def commands = lines.findAll { it.startsWith('::') }
assert commands.size() == 1 : "one annotation, from the first invocation only: ${commands}"
assert commands[0].startsWith('::error file=check-github-annotations/src/main/java/com/example/TriagePipeline.java,line=16,col=26,title=baton untyped-handoff::handoff ')
return true
