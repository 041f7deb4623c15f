@echo off
rem natgrad launcher for Windows: builds the command-line jar when it is missing, then runs it.
rem (The Unix launcher also rebuilds when sources change; here delete natgrad-cli\target to force it.)
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%natgrad-cli\target\natgrad.jar"
if not exist "%JAR%" (
  echo natgrad: building the command-line jar ^(first use^)... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -q -B -DskipTests -pl natgrad-cli -am package 1>&2
  if errorlevel 1 (
    popd
    exit /b 1
  )
  popd
)
rem the fast network kernels' module only for the commands that run them (no incubator warning elsewhere)
set "VEC="
if /I "%~1"=="train" set "VEC=--add-modules jdk.incubator.vector"
if /I "%~1"=="sweep" set "VEC=--add-modules jdk.incubator.vector"
if /I "%~1"=="bench" set "VEC=--add-modules jdk.incubator.vector"
if /I "%~1 %~2"=="reproduce metric-study" set "VEC=--add-modules jdk.incubator.vector"
java %VEC% %NATGRAD_JAVA_OPTS% -Djava.awt.headless=true -jar "%JAR%" %*
exit /b %ERRORLEVEL%
